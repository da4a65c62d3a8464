package dev.scrubber.core;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Per-thread scratch space for one scan: the findings found so far and the buffers verifiers need.
 * Reused across calls so that scanning clean text allocates nothing.
 */
final class ScanState {
    private static final ThreadLocal<ScanState> CURRENT = ThreadLocal.withInitial(ScanState::new);

    final int[] counts = new int[128];
    final CRC32 crc = new CRC32();
    final Region region = new Region();
    final Latin1Bytes latin1 = new Latin1Bytes();
    /** The named value being read ({@link KeywordValueVerifier}). */
    final Assignment assignment = new Assignment();
    /** The forward reading of a dump, continued from one of its names to the next ({@link DumpParse}). */
    final DumpParse dumps = new DumpParse();
    /** The tiers of the names this thread classified last. */
    final NameTiers nameTiers = new NameTiers();
    /** The last name a named-value verifier read, so that its other anchors in the same name are not read again. */
    Object nameOwner;
    int nameStart;
    int nameEnd;
    /**
     * Where the scan matched the literal prefix of a token rule (for {@link Continuations}, which looks for tokens
     * still open at a text's end); {@code prefixCount} may exceed the array, then the starts are incomplete.
     */
    final int[] prefixStarts = new int[8];
    int prefixCount;
    /** Where the scan first matched a wire-log opener ({@link Continuations#WIRE_OPENERS}), or -1. */
    int openerAt;
    /**
     * Where the scan first matched a literal that a token's tail may be recognised by ({@link TokenEdges#tailLiteral}),
     * or -1: with none in the text, no leading run can be a tail, and the continuation stage does not look.
     */
    int tailLiteralAt;
    private byte[] bytes = new byte[1024];
    private char[] chars = new char[1024];
    /** Packed findings: {@code start << 32 | end}, and the index of the rule that made each. */
    long[] spans = new long[16];
    int[] rules = new int[16];
    int size;
    private boolean busy;

    /** The calling thread's state, or a fresh one when a listener re-enters the scrubber on the same thread. */
    static ScanState acquire() {
        ScanState state = CURRENT.get();
        if (state.busy) {
            state = new ScanState();
        }
        state.busy = true;
        state.size = 0;
        state.nameOwner = null;
        state.prefixCount = 0;
        state.openerAt = -1;
        state.tailLiteralAt = -1;
        state.dumps.clear();
        state.assignment.dumps = state.dumps;
        return state;
    }

    /** A reused byte buffer of at least {@code n} bytes. */
    byte[] bytes(int n) {
        if (bytes.length < n + AnchorPlan.SLACK) {
            bytes = new byte[Math.max(n + AnchorPlan.SLACK, bytes.length * 2)];
        }
        return bytes;
    }

    /** The byte copy the last scan of this state made of its text (valid up to that text's length). */
    byte[] copy() {
        return bytes;
    }

    /** A reused char buffer of at least {@code n} chars. */
    char[] chars(int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        return chars;
    }

    void release() {
        busy = false;
        if (bytes.length > 1 << 16) {
            bytes = new byte[1024];
        }
        if (chars.length > 1 << 16) {
            chars = new char[1024];
        }
        if (spans.length > 4096) {
            // A huge message grew the buffers; do not keep that memory pinned to the thread.
            spans = new long[16];
            rules = new int[16];
        }
    }

    void notePrefix(int start) {
        if (prefixCount < prefixStarts.length) {
            prefixStarts[prefixCount] = start;
        }
        prefixCount++;
    }

    void noteOpener(int start) {
        if (openerAt < 0 || start < openerAt) {
            openerAt = start;
        }
    }

    void noteTailLiteral(int start) {
        if (tailLiteralAt < 0 || start < tailLiteralAt) {
            tailLiteralAt = start;
        }
    }

    void add(int start, int end, int rule) {
        if (size == spans.length) {
            spans = Arrays.copyOf(spans, size * 2);
            rules = Arrays.copyOf(rules, size * 2);
        }
        spans[size] = (long) start << 32 | end;
        rules[size] = rule;
        size++;
    }

    static int start(long span) {
        return (int) (span >>> 32);
    }

    static int end(long span) {
        return (int) span;
    }

    /**
     * Sorts the findings by start and merges overlapping or touching ones. A merged span keeps the rule
     * with the lowest index, which is the most specific one (the catalog lists specific rules first).
     */
    void sortAndMerge() {
        if (size == 0) {
            return;
        }
        if (size > 1 && !sortedByStart()) {
            // Findings arrive in anchor order; sort by start, carrying the index in the low bits.
            long[] keyed = new long[size];
            for (int i = 0; i < size; i++) {
                keyed[i] = (long) start(spans[i]) << 32 | i;
            }
            Arrays.sort(keyed);
            long[] sortedSpans = new long[size];
            int[] sortedRules = new int[size];
            for (int i = 0; i < size; i++) {
                int from = (int) keyed[i];
                sortedSpans[i] = spans[from];
                sortedRules[i] = rules[from];
            }
            System.arraycopy(sortedSpans, 0, spans, 0, size);
            System.arraycopy(sortedRules, 0, rules, 0, size);
        }
        int out = 0;
        for (int i = 1; i < size; i++) {
            int curEnd = end(spans[out]);
            if (start(spans[i]) <= curEnd) {
                int mergedEnd = Math.max(curEnd, end(spans[i]));
                spans[out] = (long) start(spans[out]) << 32 | mergedEnd;
                rules[out] = Math.min(rules[out], rules[i]);
            } else {
                out++;
                spans[out] = spans[i];
                rules[out] = rules[i];
            }
        }
        size = out + 1;
    }

    private boolean sortedByStart() {
        for (int i = 1; i < size; i++) {
            if (start(spans[i]) < start(spans[i - 1])) {
                return false;
            }
        }
        return true;
    }
}
