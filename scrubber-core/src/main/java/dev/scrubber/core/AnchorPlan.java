package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled prefilter: every anchor of every enabled rule, indexed by a "trigger" pair of characters chosen to
 * be rare in log text. The scan copies the text's bytes once and tests each adjacent pair against an 8 KiB bitmap;
 * only where a pair can start an anchor does it compare the few anchors registered for that pair. Cost on clean
 * text therefore depends on how often trigger pairs occur, not on the number of rules. See DESIGN.md for the
 * measurements behind this choice.
 */
final class AnchorPlan {
    /**
     * Printable ASCII from most to least frequent, measured on the generated benign log corpus (BenignLogs, 20,000
     * lines); characters not listed did not occur and rank as rarest.
     */
    static final String FREQUENCY = " ea-02to.1rdci6nls3485p:7m9bf\"hT/gvRkEZxCu=[],NIOwSj_HDyAWLBGqzPFMU()VXK?'JY&%;>@{}+Q";

    /**
     * Character pairs, most frequent first, measured on the generated benign log corpus plus the commonest
     * English pairs (written by {@code CommonPairsTest}). A trigger is placed on an anchor's least common pair;
     * a pair not listed counts as rarest.
     */
    private static final java.util.Map<Integer, Integer> PAIR_RANK = loadPairs();

    private static java.util.Map<Integer, Integer> loadPairs() {
        java.util.Map<Integer, Integer> ranks = new java.util.HashMap<>();
        try (java.io.InputStream in = AnchorPlan.class.getResourceAsStream("common-pairs.txt")) {
            String pairs = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int i = 0; i + 1 < pairs.length(); i += 2) {
                ranks.putIfAbsent(pairs.charAt(i) << 16 | pairs.charAt(i + 1), i / 2);
            }
        } catch (java.io.IOException e) {
            // Without the table every pair counts as rare: triggers are still correct, only less selective.
        }
        return ranks;
    }

    final String[] literals;
    final boolean[] ignoreCase;
    final int[][] rulesByAnchor;
    /** Anchors that are the literal prefix of a token rule: the scan notes where they occur (see ScanState). */
    private final boolean[] tokenPrefix;
    /** Anchors of no rule that open a wire-log payload: the scan notes the first (see ScanState). */
    private final boolean[] wireOpener;
    /** Anchors that are a tail literal of some token rule ({@link TokenEdges#tailLiteralOf}): the first is noted. */
    private final boolean[] tailLiteral;
    /**
     * One bit per (trigger byte, next byte) pair that can start an anchor, indexed by the two bytes read as one
     * little-endian {@code short} (64 Kbit). A trigger byte of 128 or more never starts an anchor; a next byte of 128
     * or more only follows a trigger that has an anchor needing no next ASCII character. The scan tests the same set
     * in {@link #pairFilter}; this bitmap numbers a hit's pair ({@link #bitsBefore}).
     */
    private final long[] bigrams = new long[65536 / 64];
    /**
     * The same set as {@link #bigrams}, one byte per pair (64 KiB): the scan's test per position is one byte load
     * and a compare instead of a word load, a variable shift and a mask. On the benchmark's clean messages the loop
     * alone took 87 instead of 168 ns per 200 characters, 95 instead of 174 with 4 KiB of other memory written
     * between messages, 133–190 instead of 213–239 with 32 KiB (DESIGN.md, "The hot path", round 3). The bitmap
     * stays for numbering a hit's pair.
     */
    private final byte[] pairFilter = new byte[65536];
    private static final java.lang.invoke.VarHandle PAIRS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /**
     * The anchors to compare where a pair passed the filter, flat: the set bits of {@link #bigrams} are numbered in
     * order (a bit's number is {@code bitsBefore} of its word plus the set bits below it in the word), and bit
     * {@code k}'s anchors are {@code pairAnchors[pairStart[k] .. pairStart[k + 1])}. Arrays, not a trie of objects:
     * a hit reads a few cache lines that stay warm between log events even while the framework churns the heap.
     */
    private final int[] bitsBefore = new int[65536 / 64];
    private final int[] pairStart;
    private final int[] pairAnchors;
    /** For each trigger byte: the anchors that end at their trigger (one character after it can be none). */
    private final int[][] atLastByte = new int[128][];
    /** Each anchor's low bytes (lower-case when folded), and where in it the trigger pair is. */
    private final byte[][] literalBytes;
    private final int[] triggerOffset;
    /**
     * Each anchor's first eight bytes as one little-endian {@code long} (lower-case when folded), the mask of its
     * length within them, and the case bit (0x20) at each of its letters when folded: a hit compares an anchor with
     * one 8-byte load, {@code (word | fold) & mask == first}, instead of a loop with a branch per byte. An ASCII
     * letter is the only byte that the case bit turns into a lower-case letter, so the fold is exact. Stored
     * {@link #STRIDE} longs per anchor, with its trigger offset and length, so that a hit reads one cache line.
     */
    private final long[] firstWords;
    /** Per anchor, in one cache line: first word, mask, case bits, and its trigger offset and length. */
    private static final int STRIDE = 4;
    private static final java.lang.invoke.VarHandle WORDS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** Bytes the scan's copy has beyond the text, so that an 8-byte load at any anchor start stays in the array. */
    static final int SLACK = 8;

    private AnchorPlan(List<Anchor> anchors, List<List<Integer>> rules, List<Rule> ruleList, Set<String> tails) {
        int n = anchors.size();
        literals = new String[n];
        tokenPrefix = new boolean[n];
        wireOpener = new boolean[n];
        tailLiteral = new boolean[n];
        ignoreCase = new boolean[n];
        rulesByAnchor = new int[n][];
        literalBytes = new byte[n][];
        triggerOffset = new int[n];
        firstWords = new long[n * STRIDE];
        Map<Integer, List<Integer>> byPair = new java.util.HashMap<>();
        List<List<Integer>> anyNext = new ArrayList<>();
        for (int t = 0; t < 128; t++) {
            anyNext.add(new ArrayList<>());
        }
        for (int a = 0; a < n; a++) {
            Anchor anchor = anchors.get(a);
            String lit = anchor.literal();
            literals[a] = lit;
            ignoreCase[a] = anchor.ignoreCase();
            rulesByAnchor[a] = rules.get(a).stream().mapToInt(Integer::intValue).toArray();
            for (int r : rulesByAnchor[a]) {
                tokenPrefix[a] |= !anchor.ignoreCase() && isTokenPrefix(ruleList.get(r), lit);
            }
            wireOpener[a] = !anchor.ignoreCase() && Continuations.WIRE_OPENERS.contains(lit);
            tailLiteral[a] = !anchor.ignoreCase() && tails.contains(lit);
            literalBytes[a] = new byte[lit.length()];
            for (int k = 0; k < lit.length(); k++) {
                literalBytes[a][k] = (byte) lit.charAt(k); // the low byte, as the scan's copy holds it
                if (k < 8) {
                    char c = lit.charAt(k);
                    firstWords[a * STRIDE] |= (long) (c & 0xff) << (8 * k);
                    firstWords[a * STRIDE + 1] |= 0xffL << (8 * k);
                    if (anchor.ignoreCase() && c >= 'a' && c <= 'z') {
                        firstWords[a * STRIDE + 2] |= 0x20L << (8 * k);
                    }
                }
            }
            int offset = rarestOffset(anchor);
            triggerOffset[a] = offset;
            firstWords[a * STRIDE + 3] = (long) lit.length() << 32 | offset;
            char t = lit.charAt(offset);
            if (t >= 128) {
                throw new IllegalArgumentException("an anchor must contain an ASCII character");
            }
            boolean folded = anchor.ignoreCase() && t >= 'a' && t <= 'z';
            for (char trigger : folded ? new char[] {t, (char) (t - 32)} : new char[] {t}) {
                char next = offset + 1 < lit.length() ? lit.charAt(offset + 1) : 0xffff;
                if (next >= 128) {
                    anyNext.get(trigger).add(a); // ends at its trigger, or a non-ASCII character follows: any byte
                    continue;
                }
                byPair.computeIfAbsent(next << 8 | trigger, k -> new ArrayList<>()).add(a);
                char upper = Character.toUpperCase(next);
                if (anchor.ignoreCase() && upper != next && upper < 128) {
                    byPair.computeIfAbsent(upper << 8 | trigger, k -> new ArrayList<>()).add(a);
                }
            }
        }
        for (int key : byPair.keySet()) {
            bigrams[key >>> 6] |= 1L << key;
        }
        for (int t = 0; t < 128; t++) {
            if (!anyNext.get(t).isEmpty()) {
                for (int next = 0; next < 256; next++) {
                    int key = next << 8 | t;
                    bigrams[key >>> 6] |= 1L << key;
                }
            }
        }
        for (int key = 0; key < 65536; key++) {
            pairFilter[key] = (byte) ((bigrams[key >>> 6] >>> key) & 1);
        }
        // The order in which a hit compares its anchors: exact ones first, then by how far the anchor reaches past
        // its trigger, then as compiled (a finding's order never changes what is masked; this keeps it stable).
        java.util.Comparator<Integer> order = java.util.Comparator.<Integer>comparingInt(a -> ignoreCase[a] ? 1 : 0)
                .thenComparingInt(a -> literals[a].length() - triggerOffset[a]).thenComparingInt(a -> a);
        List<Integer> flat = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int setBits = 0;
        for (int w = 0; w < bigrams.length; w++) {
            bitsBefore[w] = setBits;
            for (long bits = bigrams[w]; bits != 0; bits &= bits - 1) {
                int key = w << 6 | Long.numberOfTrailingZeros(bits);
                List<Integer> these = new ArrayList<>(byPair.getOrDefault(key, List.of()));
                these.addAll(anyNext.get(key & 0xff));
                these.sort(order);
                starts.add(flat.size());
                flat.addAll(these);
                setBits++;
            }
        }
        starts.add(flat.size());
        pairStart = starts.stream().mapToInt(Integer::intValue).toArray();
        pairAnchors = flat.stream().mapToInt(Integer::intValue).toArray();
        for (int t = 0; t < 128; t++) {
            List<Integer> ending = new ArrayList<>();
            for (int a : anyNext.get(t)) {
                if (triggerOffset[a] == literals[a].length() - 1) {
                    ending.add(a);
                }
            }
            ending.sort(order);
            atLastByte[t] = ending.isEmpty() ? null : ending.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Compiles the anchors of {@code rules}; identical anchors of different rules are scanned once. The wire-log
     * openers and the tail literals of token rules are anchors of no rule: the continuation stage asks the scan
     * where the first occurred instead of searching the text again (they are rare pairs, so they add few filter
     * hits).
     */
    static AnchorPlan compile(List<Rule> rules) {
        Map<Anchor, List<Integer>> byAnchor = new LinkedHashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            for (Anchor anchor : rules.get(r).anchors) {
                byAnchor.computeIfAbsent(anchor, k -> new ArrayList<>()).add(r);
            }
        }
        for (String opener : Continuations.WIRE_OPENERS) {
            byAnchor.computeIfAbsent(Anchor.exact(opener), k -> new ArrayList<>());
        }
        Set<String> tails = new HashSet<>();
        for (Rule rule : rules) {
            String tail = TokenEdges.tailLiteralOf(rule);
            if (tail != null) {
                tails.add(tail);
                byAnchor.computeIfAbsent(Anchor.exact(tail), k -> new ArrayList<>());
            }
        }
        return new AnchorPlan(new ArrayList<>(byAnchor.keySet()), new ArrayList<>(byAnchor.values()), rules, tails);
    }

    /** Whether {@code literal} is one of the literal prefixes a token of {@code rule} starts with. */
    static boolean isTokenPrefix(Rule rule, String literal) {
        return rule.verifier instanceof TokenVerifier t && t.anchorOffset == 0 && t.shape.prefixes.contains(literal);
    }

    /** Finds every anchor occurrence and runs the verifiers of its rules, recording findings in {@code state}. */
    void scan(CharSequence text, Rule[] rules, ScanState state) {
        int n = text.length();
        if (n == 0) {
            return;
        }
        // Every input is first copied, in bulk where the type allows, into a reused byte array: the filter loop
        // then reads an array instead of calling charAt per character. A char above U+00FF keeps only its low
        // byte, which can add a candidate (checked against the real text) but never hide one.
        byte[] bytes = state.bytes(n);
        copyBytes(text, n, bytes, state);
        scanBytes(text, bytes, n, rules, state);
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the fastest Latin-1 copy on JDK 17
    private static void copyBytes(CharSequence text, int n, byte[] bytes, ScanState state) {
        CharSequence base = text;
        int from = 0;
        if (text instanceof Region region) {
            base = region.base();
            from = region.from();
        }
        if (base instanceof String s) {
            s.getBytes(from, from + n, bytes, 0);
        } else if (text instanceof Latin1Bytes latin1) {
            System.arraycopy(latin1.bytes(), latin1.from(), bytes, 0, n);
        } else if (base instanceof StringBuilder sb) {
            char[] chars = state.chars(n);
            sb.getChars(from, from + n, chars, 0);
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) chars[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) text.charAt(i);
            }
        }
    }

    /**
     * How many positions of {@code latin1} pass the pair filter: what a clean text costs beyond the loop itself
     * (each pass compares the anchors registered for its pair). Tests guard it on the benign corpus.
     */
    int filterPasses(byte[] latin1) {
        int passes = 0;
        for (int i = 0; i + 1 < latin1.length; i++) {
            passes += pairFilter[(latin1[i] & 0xff) | (latin1[i + 1] & 0xff) << 8] != 0 ? 1 : 0;
        }
        return passes;
    }

    private void scanBytes(CharSequence text, byte[] bytes, int n, Rule[] rules, ScanState state) {
        byte[] filter = pairFilter;
        int last = n - 1;
        for (int i = 0; i < last; i++) {
            int key = (short) PAIRS.get(bytes, i) & 0xffff; // bytes[i] | bytes[i + 1] << 8
            if (filter[key] != 0) {
                hit(text, bytes, n, i, key, rules, state);
            }
        }
        int c = bytes[last] & 0xff;
        int[] ending = c < 128 ? atLastByte[c] : null;
        if (ending != null) {
            for (int a : ending) {
                check(a, text, bytes, n, last, rules, state);
            }
        }
    }

    /** A pair passed the filter at {@code i}: compare the anchors registered for it (see {@link #pairStart}). */
    private void hit(CharSequence text, byte[] bytes, int n, int i, int key, Rule[] rules, ScanState state) {
        int word = key >>> 6;
        int k = bitsBefore[word] + Long.bitCount(bigrams[word] & ((1L << key) - 1)); // the bits below it, numbered
        for (int e = pairStart[k], end = pairStart[k + 1]; e < end; e++) {
            check(pairAnchors[e], text, bytes, n, i, rules, state);
        }
    }

    /**
     * Whether anchor {@code a}, triggered at {@code at}, occurs there: first on the byte copy (array reads, not
     * {@code charAt} calls through an interface), then on the real text. The copy holds each character's low byte,
     * so every real match is a copy match, and a copy match of a character above U+00FF fails the confirmation.
     * Where it occurs, notes it for the later stages and runs the anchor's verifiers.
     */
    private void check(int a, CharSequence text, byte[] bytes, int n, int at, Rule[] rules, ScanState state) {
        long[] words = firstWords;
        int w = a * STRIDE;
        long shape = words[w + 3];
        int start = at - (int) shape;
        int length = (int) (shape >>> 32);
        int end = start + length;
        if (start < 0 || end > n || (((long) WORDS.get(bytes, start) | words[w + 2]) & words[w + 1]) != words[w]
                || length > 8 && !bytesMatch(bytes, start, literalBytes[a], ignoreCase[a])
                || !Text.matchesAt(text, start, literals[a], length, ignoreCase[a])) {
            return;
        }
        if (tokenPrefix[a]) {
            state.notePrefix(start);
        } else if (wireOpener[a]) {
            state.noteOpener(start);
        }
        if (tailLiteral[a]) {
            state.noteTailLiteral(start);
        }
        for (int r : rulesByAnchor[a]) {
            long span = rules[r].verifier.verify(text, start, end, state);
            if (span != Verifier.NONE) {
                state.add(ScanState.start(span), ScanState.end(span), r);
            }
        }
    }

    /** Whether {@code literal} (lower-case when {@code fold}) occurs at {@code at} of the byte copy. */
    private static boolean bytesMatch(byte[] bytes, int at, byte[] literal, boolean fold) {
        for (int i = 0; i < literal.length; i++) {
            int c = bytes[at + i];
            if (fold && c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != literal[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where to trigger on an anchor: on its least common character pair in logs (then its rarest first
     * character). The scan filters positions on the pair, so a rare pair means few hits to confirm.
     */
    static int rarestOffset(Anchor anchor) {
        String s = anchor.literal();
        boolean fold = anchor.ignoreCase();
        int best = 0;
        long bestScore = Long.MIN_VALUE;
        int last = s.length() == 1 ? 0 : s.length() - 2;
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            Integer common = PAIR_RANK.get(Text.lowerAscii(c) << 16 | Text.lowerAscii(next));
            long pairRarity = common == null ? PAIR_RANK.size() : common;
            long score = pairRarity * 10_000 + 2L * rank(c, fold) + (next == 0 ? 0 : rank(next, fold));
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** Rarity of a character: higher is rarer. Case-insensitive anchors count as their more common case. */
    private static int rank(char c, boolean ignoreCase) {
        if (ignoreCase && Character.isLetter(c)) {
            return Math.min(rank(Character.toLowerCase(c)), rank(Character.toUpperCase(c)));
        }
        return rank(c);
    }

    private static int rank(char c) {
        int i = FREQUENCY.indexOf(c);
        return i < 0 ? FREQUENCY.length() + 1 : i;
    }
}
