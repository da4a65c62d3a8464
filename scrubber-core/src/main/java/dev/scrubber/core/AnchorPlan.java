package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled prefilter: every anchor of every enabled rule, indexed by a "trigger" pair of characters chosen to
 * be rare in log text. The scan copies the text's bytes once and tests each adjacent pair against an 8 KiB bitmap;
 * only where a pair can start an anchor does it walk that trigger's trie. Cost on clean text therefore depends on
 * how often trigger pairs occur, not on the number of rules. See DESIGN.md for the measurements behind this choice.
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
    /** For each ASCII trigger char: the anchors it stands for. */
    private final Bucket[] buckets = new Bucket[128];
    /**
     * One bit per (trigger byte, next byte) pair that can start an anchor, indexed by the two bytes read as one
     * little-endian {@code short} (64 Kbit, 8 KiB, L1-resident). The scan reads each position's pair with one
     * load and tests one bit, without a data-dependent branch on the common path. A trigger byte of 128 or more
     * never starts an anchor; a next byte of 128 or more only follows a trigger whose anchors need no next ASCII
     * character.
     */
    private final long[] bigrams = new long[65536 / 64];
    private static final java.lang.invoke.VarHandle PAIRS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * The anchors one trigger character stands for, as tries of their remainders from the trigger on. A hit walks
     * forward once (the characters that follow the trigger), and only where a remainder ends are the characters
     * before the trigger compared. So a hit costs the length of the longest matching remainder, however many
     * anchors share the trigger character.
     */
    private static final class Bucket {
        final AnchorTrie exact = new AnchorTrie();
        final AnchorTrie folded = new AnchorTrie();
        /** Characters that may follow the trigger: the pairs set in the bitmap. */
        long nextLo;
        long nextHi;
        /** Whether some anchor ends at its trigger, so that no following character is needed. */
        boolean endsAtTrigger;

        void add(Anchor anchor, int a, int offset) {
            (anchor.ignoreCase() ? folded : exact).insert(anchor.literal(), offset, a);
            String lit = anchor.literal();
            if (offset + 1 >= lit.length()) {
                endsAtTrigger = true;
                return;
            }
            allowNext(lit.charAt(offset + 1));
            if (anchor.ignoreCase()) {
                allowNext(Character.toUpperCase(lit.charAt(offset + 1)));
            }
        }

        private void allowNext(char c) {
            if (c >= 128) {
                endsAtTrigger = true; // a non-ASCII follower: always walk
            } else if (c < 64) {
                nextLo |= 1L << c;
            } else {
                nextHi |= 1L << (c - 64);
            }
        }

        /** Whether a trigger followed by {@code c} (or by nothing, when {@code c} is -1) may start an anchor. */
        boolean accepts(int c) {
            if (endsAtTrigger) {
                return true;
            }
            return c >= 0 && (c < 64 ? (nextLo & (1L << c)) != 0 : c < 128 && (nextHi & (1L << (c - 64))) != 0);
        }
    }

    private AnchorPlan(List<Anchor> anchors, List<List<Integer>> rules, List<Rule> ruleList) {
        int n = anchors.size();
        literals = new String[n];
        tokenPrefix = new boolean[n];
        wireOpener = new boolean[n];
        ignoreCase = new boolean[n];
        rulesByAnchor = new int[n][];
        for (int a = 0; a < n; a++) {
            Anchor anchor = anchors.get(a);
            literals[a] = anchor.literal();
            ignoreCase[a] = anchor.ignoreCase();
            rulesByAnchor[a] = rules.get(a).stream().mapToInt(Integer::intValue).toArray();
            for (int r : rulesByAnchor[a]) {
                tokenPrefix[a] |= !anchor.ignoreCase() && isTokenPrefix(ruleList.get(r), anchor.literal());
            }
            wireOpener[a] = !anchor.ignoreCase() && Continuations.WIRE_OPENERS.contains(anchor.literal());
            int offset = rarestOffset(anchor);
            char t = anchor.literal().charAt(offset);
            if (t >= 128) {
                throw new IllegalArgumentException("an anchor must contain an ASCII character");
            }
            bucket(t).add(anchor, a, offset);
            if (anchor.ignoreCase() && t >= 'a' && t <= 'z') {
                bucket((char) (t - 32)).add(anchor, a, offset);
            }
        }
        for (int t = 0; t < 128; t++) {
            Bucket b = buckets[t];
            if (b == null) {
                continue;
            }
            for (int next = 0; next < 256; next++) {
                if (next < 128 ? b.accepts(next) : b.endsAtTrigger) {
                    int key = next << 8 | t;
                    bigrams[key >>> 6] |= 1L << key;
                }
            }
        }
    }

    private Bucket bucket(char c) {
        if (buckets[c] == null) {
            buckets[c] = new Bucket();
        }
        return buckets[c];
    }

    /**
     * Compiles the anchors of {@code rules}; identical anchors of different rules are scanned once. The wire-log
     * openers are anchors of no rule: the continuation stage asks the scan where one occurred instead of searching
     * the text again (they are rare pairs, so they add almost no filter hits).
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
        return new AnchorPlan(new ArrayList<>(byAnchor.keySet()), new ArrayList<>(byAnchor.values()), rules);
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

    private void scanBytes(CharSequence text, byte[] bytes, int n, Rule[] rules, ScanState state) {
        long[] bits = bigrams;
        int last = n - 1;
        for (int i = 0; i < last; i++) {
            int key = (short) PAIRS.get(bytes, i) & 0xffff; // bytes[i] | bytes[i + 1] << 8
            if ((bits[key >>> 6] & (1L << key)) != 0) {
                hit(text, bytes, n, i, rules, state);
            }
        }
        hit(text, bytes, n, last, rules, state);
    }

    /**
     * A bigram passed the filter: walk the trigger's tries over the byte copy (array reads, not {@code charAt}
     * calls through an interface), and confirm an anchor on the real text only where the copy matched it. The
     * copy holds each character's low byte: every real match is a copy match (anchors are ASCII), and a copy match
     * of a character above U+00FF fails the confirmation.
     */
    private void hit(CharSequence text, byte[] bytes, int n, int i, Rule[] rules, ScanState state) {
        int c = bytes[i] & 0xff;
        Bucket b = c < 128 ? buckets[c] : null;
        if (b != null) {
            walk(b.exact, text, bytes, n, i, false, rules, state);
            if (b.folded.hasChildren() || b.folded.anchors.length > 0) {
                walk(b.folded, text, bytes, n, i, true, rules, state);
            }
        }
    }

    /**
     * Follows the trie of remainders from the trigger at {@code at}; where a remainder ends, compares the anchor's
     * characters before the trigger, confirms the whole anchor on the real text and verifies the anchor's rules.
     */
    private void walk(AnchorTrie trie, CharSequence text, byte[] bytes, int n, int at, boolean fold, Rule[] rules,
            ScanState state) {
        AnchorTrie node = trie; // the root stands for the trigger character itself
        for (int p = at + 1; node != null; p++) {
            for (int e = 0; e < node.anchors.length; e++) {
                int a = node.anchors[e];
                int offset = node.offsets[e];
                int start = at - offset;
                if (start >= 0 && bytesMatch(bytes, start, literals[a], offset, ignoreCase[a])
                        && Text.matchesAt(text, start, literals[a], p - start, ignoreCase[a])) {
                    if (tokenPrefix[a]) {
                        state.notePrefix(start);
                    } else if (wireOpener[a]) {
                        state.noteOpener(start);
                    }
                    for (int r : rulesByAnchor[a]) {
                        long span = rules[r].verifier.verify(text, start, p, state);
                        if (span != Verifier.NONE) {
                            state.add(ScanState.start(span), ScanState.end(span), r);
                        }
                    }
                }
            }
            if (p >= n || !node.hasChildren()) {
                return;
            }
            char c = (char) (bytes[p] & 0xff);
            node = node.child(fold ? Text.lowerAscii(c) : c);
        }
    }

    /** Whether the first {@code count} characters of {@code literal} occur at {@code at} of the byte copy. */
    private static boolean bytesMatch(byte[] bytes, int at, String literal, int count, boolean ignoreCase) {
        for (int i = 0; i < count; i++) {
            char c = (char) (bytes[at + i] & 0xff);
            if (ignoreCase) {
                c = Text.lowerAscii(c);
            }
            if (c != literal.charAt(i)) {
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
