package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** For each ASCII trigger char: the anchors it stands for. */
    private final Bucket[] buckets = new Bucket[128];
    final int triggerCount;

    /**
     * The anchors one trigger character stands for, grouped by the trigger's offset inside them and stored as
     * tries from the anchor's start. A hit walks each trie once, so its cost is the length of the longest
     * matching prefix, however many anchors share the trigger.
     */
    private static final class Bucket {
        int[] offsets = new int[0];
        AnchorTrie[] exact = new AnchorTrie[0];
        AnchorTrie[] folded = new AnchorTrie[0];

        void add(Anchor anchor, int a, int offset) {
            int g = 0;
            while (g < offsets.length && offsets[g] != offset) {
                g++;
            }
            if (g == offsets.length) {
                offsets = Arrays.copyOf(offsets, g + 1);
                offsets[g] = offset;
                exact = Arrays.copyOf(exact, g + 1);
                exact[g] = new AnchorTrie();
                folded = Arrays.copyOf(folded, g + 1);
                folded[g] = new AnchorTrie();
            }
            (anchor.ignoreCase() ? folded[g] : exact[g]).insert(anchor.literal(), a);
        }
    }

    private AnchorPlan(List<Anchor> anchors, List<List<Integer>> rules) {
        int n = anchors.size();
        literals = new String[n];
        ignoreCase = new boolean[n];
        rulesByAnchor = new int[n][];
        for (int a = 0; a < n; a++) {
            Anchor anchor = anchors.get(a);
            literals[a] = anchor.literal();
            ignoreCase[a] = anchor.ignoreCase();
            rulesByAnchor[a] = rules.get(a).stream().mapToInt(Integer::intValue).toArray();
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
        int triggers = 0;
        for (Bucket b : buckets) {
            if (b != null) {
                triggers++;
            }
        }
        triggerCount = triggers;
    }

    private Bucket bucket(char c) {
        if (buckets[c] == null) {
            buckets[c] = new Bucket();
        }
        return buckets[c];
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
        Bucket[] table = buckets;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128 && table[c] != null) {
                Bucket b = table[c];
                for (int g = 0; g < b.offsets.length; g++) {
                    int start = i - b.offsets[g];
                    if (start >= 0) {
                        walk(b.exact[g], text, start, false, rules, state);
                        walk(b.folded[g], text, start, true, rules, state);
                    }
                }
            }
        }
    }

    /** Follows {@code trie} along the text from {@code start}, verifying every anchor that ends on the way. */
    private void walk(AnchorTrie trie, CharSequence text, int start, boolean fold, Rule[] rules, ScanState state) {
        AnchorTrie node = trie;
        int n = text.length();
        for (int p = start; p < n && node.hasChildren(); p++) {
            char c = text.charAt(p);
            node = node.child(fold ? Text.lowerAscii(c) : c);
            if (node == null) {
                return;
            }
            for (int a : node.anchors) {
                for (int r : rulesByAnchor[a]) {
                    long span = rules[r].verifier.verify(text, start, p + 1, state);
                    if (span != Verifier.NONE) {
                        state.add(ScanState.start(span), ScanState.end(span), r);
                    }
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
