package dev.scrubber.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled prefilter: every anchor of every enabled rule, indexed by one "trigger" character chosen to be
 * rare in log text. The scan reads each character once and looks it up in a 128-entry table; only at a trigger
 * does it compare the (few) anchors of that bucket. Cost on clean text therefore depends on how often trigger
 * characters occur, not on the number of rules. See DESIGN.md for the measurements behind this choice.
 */
final class AnchorPlan {
    /**
     * ASCII characters from most to least frequent in typical log text (measured on the benign benchmark corpus);
     * a character not listed is rarer than all of them.
     */
    static final String FREQUENCY = " eationsrlcdumhp.:-0123456789g/fybw_v=k,TESIARONLCDMPxUFHBGW\"'[]()jqz{}"
            + "VKYJXQZ<>;@#&*+%!?|$~^`\\\t";

    final String[] literals;
    final boolean[] ignoreCase;
    final int[][] rulesByAnchor;
    /** For each ASCII char: the anchors it triggers and the trigger's offset inside each anchor. */
    private final int[][] bucketAnchors = new int[128][];
    private final int[][] bucketOffsets = new int[128][];
    final int triggerCount;

    private AnchorPlan(List<Anchor> anchors, List<List<Integer>> rules) {
        int n = anchors.size();
        literals = new String[n];
        ignoreCase = new boolean[n];
        rulesByAnchor = new int[n][];
        List<List<int[]>> buckets = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            buckets.add(new ArrayList<>());
        }
        for (int a = 0; a < n; a++) {
            Anchor anchor = anchors.get(a);
            literals[a] = anchor.literal();
            ignoreCase[a] = anchor.ignoreCase();
            rulesByAnchor[a] = rules.get(a).stream().mapToInt(Integer::intValue).toArray();
            int offset = rarestOffset(anchor);
            char t = anchor.literal().charAt(offset);
            if (t >= 128) {
                // A known secret made only of non-ASCII characters: scan for its first char's low byte instead.
                throw new IllegalArgumentException("an anchor must contain an ASCII character");
            }
            buckets.get(t).add(new int[] {a, offset});
            if (anchor.ignoreCase() && t >= 'a' && t <= 'z') {
                buckets.get(t - 32).add(new int[] {a, offset});
            }
        }
        int triggers = 0;
        for (int c = 0; c < 128; c++) {
            List<int[]> bucket = buckets.get(c);
            if (!bucket.isEmpty()) {
                triggers++;
                bucketAnchors[c] = bucket.stream().mapToInt(e -> e[0]).toArray();
                bucketOffsets[c] = bucket.stream().mapToInt(e -> e[1]).toArray();
            }
        }
        triggerCount = triggers;
    }

    /** Compiles the anchors of {@code rules}; identical anchors of different rules are scanned once. */
    static AnchorPlan compile(List<Rule> rules) {
        Map<Anchor, List<Integer>> byAnchor = new LinkedHashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            for (Anchor anchor : rules.get(r).anchors) {
                byAnchor.computeIfAbsent(anchor, k -> new ArrayList<>()).add(r);
            }
        }
        return new AnchorPlan(new ArrayList<>(byAnchor.keySet()), new ArrayList<>(byAnchor.values()));
    }

    /** Finds every anchor occurrence and runs the verifiers of its rules, recording findings in {@code state}. */
    void scan(CharSequence text, Rule[] rules, ScanState state) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                continue;
            }
            int[] anchors = bucketAnchors[c];
            if (anchors != null) {
                checkBucket(text, i, anchors, bucketOffsets[c], rules, state);
            }
        }
    }

    private void checkBucket(CharSequence text, int at, int[] anchors, int[] offsets, Rule[] rules,
            ScanState state) {
        for (int k = 0; k < anchors.length; k++) {
            int a = anchors[k];
            int start = at - offsets[k];
            if (!Text.matchesAt(text, start, literals[a], ignoreCase[a])) {
                continue;
            }
            int end = start + literals[a].length();
            for (int r : rulesByAnchor[a]) {
                long span = rules[r].verifier.verify(text, start, end, state);
                if (span != Verifier.NONE) {
                    state.add(ScanState.start(span), ScanState.end(span), r);
                }
            }
        }
    }

    static int rarestOffset(Anchor anchor) {
        String s = anchor.literal();
        int best = 0;
        int bestRank = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                continue;
            }
            int rank = rank(c);
            if (anchor.ignoreCase() && Character.isLetter(c)) {
                rank = Math.min(rank, rank(Character.toUpperCase(c)));
            }
            if (rank > bestRank) {
                bestRank = rank;
                best = i;
            }
        }
        return best;
    }

    private static int rank(char c) {
        int i = FREQUENCY.indexOf(c);
        return i < 0 ? FREQUENCY.length() + 1 : i;
    }
}
