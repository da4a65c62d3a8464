package dev.scrubber.bench;

import dev.scrubber.core.RuleInfo;
import dev.scrubber.core.Scrubber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The prefilter options DESIGN.md weighs, on the same clean corpus and the anchors of all built-in rules: the
 * engine as shipped (bigram bitmap + tries, plus its verifications), one {@code indexOf} pass per anchor, one
 * {@code indexOf(char)} pass per distinct rare anchor character, a per-character trigger table, and an
 * Aho-Corasick DFA. The alternatives only find anchors (they do less work than the engine), so they bound what
 * each design could cost at best.
 *
 * <p>The hot-path issue's candidates, on the clean, JSON and stack-trace corpora: token anchors that contain one of
 * a few "joint" characters ({@code _ - . ~ = / :}, 189 of the 236 built-in anchors) triggered by one intrinsic
 * {@code indexOf(char)} pass per joint character ({@link #jointCharPasses}) or by one pass of 8-byte SWAR words over
 * the Latin-1 copy ({@link #jointCharSwar}); keyword anchors triggered by their operator ({@code =}, {@code :},
 * {@code "}) with a backward look at the name before it ({@link #operatorBackwardLook}); and the shipped design's
 * bigram loop alone, without confirming its candidates ({@link #bigramLoop}). Each candidate covers only part of the
 * anchors (the rest would need another pass), so its figure is a lower bound for a full design.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PrefilterBenchmark {
    /** Printable ASCII from most to least frequent in logs (same order as the engine's measured table). */
    private static final String FREQUENCY = " ea-02to.1rdci6nls3485p:7m9bf\"hT/gvRkEZxCu=[],NIOwSj_HDyAWLBGqzPFMU()"
            + "VXK?'JY&%;>@{}+Q";

    /** The joint characters that 189 of the 236 built-in anchors contain. */
    static final String JOINTS = "_-.~=/:";
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    @State(Scope.Thread)
    public static class Input {
        @Param({"200", "65536"})
        public int size;

        @Param({"clean", "json", "stacktrace"})
        public String corpus;

        /** Per joint character: the anchors containing it, with its offset in each. */
        String[][] jointAnchors;
        int[][] jointOffsets;
        /** Per joint character: the characters that may precede it in one of its anchors (or any, when first). */
        long[] jointBeforeLo;
        long[] jointBeforeHi;
        long[] jointWords;
        /** Lower-case keyword anchors (letters only), looked up by their last character. */
        String[][] keywordsByLast;
        /** The bigram bitmap of the shipped design, rebuilt here from each anchor's rarest pair. */
        long[] bigrams;
        byte[] bytes;

        String[] messages;
        int cursor;
        Scrubber engine;
        String[] anchors;
        char[] rareChars;
        List<List<String>> anchorsByRareChar;
        List<String>[] table;
        int[] dfa;
        boolean[] accepting;

        @Setup
        @SuppressWarnings("unchecked")
        public void setup() {
            messages = Corpora.messages(corpus, size, 42);
            engine = Scrubber.builder().knownSecretsFromEnvironment(false).build();
            Set<String> all = new LinkedHashSet<>();
            for (RuleInfo r : Scrubber.builtInRules()) {
                all.addAll(r.anchors());
            }
            anchors = all.toArray(new String[0]);
            List<Character> chars = new ArrayList<>();
            anchorsByRareChar = new ArrayList<>();
            table = new List[128];
            for (String a : anchors) {
                char rare = rarest(a);
                int slot = chars.indexOf(rare);
                if (slot < 0) {
                    chars.add(rare);
                    anchorsByRareChar.add(new ArrayList<>());
                    slot = chars.size() - 1;
                }
                anchorsByRareChar.get(slot).add(a);
                if (table[rare] == null) {
                    table[rare] = new ArrayList<>();
                }
                table[rare].add(a);
            }
            rareChars = new char[chars.size()];
            for (int i = 0; i < rareChars.length; i++) {
                rareChars[i] = chars.get(i);
            }
            buildDfa();
            buildCandidates();
            bytes = new byte[size + 8];
        }

        private void buildCandidates() {
            List<List<String>> byJoint = new ArrayList<>();
            List<List<Integer>> offsets = new ArrayList<>();
            for (int k = 0; k < JOINTS.length(); k++) {
                byJoint.add(new ArrayList<>());
                offsets.add(new ArrayList<>());
            }
            List<List<String>> byLast = new ArrayList<>();
            for (int c = 0; c < 128; c++) {
                byLast.add(new ArrayList<>());
            }
            bigrams = new long[128 * 128 / 64];
            for (String a : anchors) {
                int joint = -1;
                for (int k = 0; k < JOINTS.length() && joint < 0; k++) {
                    if (a.indexOf(JOINTS.charAt(k)) >= 0) {
                        joint = k;
                    }
                }
                if (joint >= 0) {
                    byJoint.get(joint).add(a);
                    offsets.get(joint).add(a.indexOf(JOINTS.charAt(joint)));
                } else if (a.chars().allMatch(Character::isLetter)) {
                    String lower = a.toLowerCase(Locale.ROOT);
                    byLast.get(lower.charAt(lower.length() - 1)).add(lower);
                }
                int best = 0;
                int bestRank = -1;
                for (int i = 0; i + 1 < Math.max(2, a.length()); i++) {
                    int r = FREQUENCY.indexOf(a.charAt(i)) + FREQUENCY.indexOf(i + 1 < a.length() ? a.charAt(i + 1) : ' ');
                    if (r > bestRank) {
                        bestRank = r;
                        best = i;
                    }
                }
                for (char x : new char[] {a.charAt(best), Character.toUpperCase(a.charAt(best)),
                        Character.toLowerCase(a.charAt(best))}) {
                    char y = best + 1 < a.length() ? a.charAt(best + 1) : 'a';
                    for (char z : new char[] {y, Character.toUpperCase(y), Character.toLowerCase(y)}) {
                        int key = (x & 0x7f) << 7 | (z & 0x7f);
                        bigrams[key >>> 6] |= 1L << key;
                    }
                }
            }
            jointAnchors = new String[JOINTS.length()][];
            jointOffsets = new int[JOINTS.length()][];
            jointBeforeLo = new long[JOINTS.length()];
            jointBeforeHi = new long[JOINTS.length()];
            for (int k = 0; k < JOINTS.length(); k++) {
                for (int e = 0; e < byJoint.get(k).size(); e++) {
                    String a = byJoint.get(k).get(e);
                    int off = offsets.get(k).get(e);
                    if (off == 0) {
                        jointBeforeLo[k] = -1L;
                        jointBeforeHi[k] = -1L;
                        continue;
                    }
                    char before = a.charAt(off - 1);
                    for (char c : new char[] {before, Character.toUpperCase(before), Character.toLowerCase(before)}) {
                        if (c < 64) {
                            jointBeforeLo[k] |= 1L << c;
                        } else if (c < 128) {
                            jointBeforeHi[k] |= 1L << (c - 64);
                        }
                    }
                }
            }
            jointWords = new long[JOINTS.length()];
            for (int k = 0; k < JOINTS.length(); k++) {
                jointAnchors[k] = byJoint.get(k).toArray(new String[0]);
                jointOffsets[k] = offsets.get(k).stream().mapToInt(Integer::intValue).toArray();
                jointWords[k] = ONES * JOINTS.charAt(k);
            }
            keywordsByLast = new String[128][];
            for (int c = 0; c < 128; c++) {
                keywordsByLast[c] = byLast.get(c).isEmpty() ? null : byLast.get(c).toArray(new String[0]);
            }
        }

        String next() {
            cursor = (cursor + 1) & (Corpora.COUNT - 1);
            return messages[cursor];
        }

        private static char rarest(String anchor) {
            char best = anchor.charAt(0);
            for (char c : anchor.toCharArray()) {
                if (FREQUENCY.indexOf(c) > FREQUENCY.indexOf(best) || FREQUENCY.indexOf(c) < 0) {
                    best = c;
                }
            }
            return best;
        }

        /** A dense Aho-Corasick DFA over the lower-cased anchors, input folded to lower case per character. */
        private void buildDfa() {
            List<int[]> go = new ArrayList<>();
            List<Boolean> accept = new ArrayList<>();
            go.add(new int[128]);
            Arrays.fill(go.get(0), -1);
            accept.add(false);
            for (String a : anchors) {
                int s = 0;
                for (char c : a.toLowerCase(Locale.ROOT).toCharArray()) {
                    int ch = c & 0x7f;
                    if (go.get(s)[ch] < 0) {
                        int[] row = new int[128];
                        Arrays.fill(row, -1);
                        go.add(row);
                        accept.add(false);
                        go.get(s)[ch] = go.size() - 1;
                    }
                    s = go.get(s)[ch];
                }
                accept.set(s, true);
            }
            int[] fail = new int[go.size()];
            int[] queue = new int[go.size()];
            int head = 0;
            int tail = 0;
            for (int c = 0; c < 128; c++) {
                int t = go.get(0)[c];
                if (t < 0) {
                    go.get(0)[c] = 0;
                } else {
                    fail[t] = 0;
                    queue[tail++] = t;
                }
            }
            while (head < tail) {
                int s = queue[head++];
                accept.set(s, accept.get(s) || accept.get(fail[s]));
                for (int c = 0; c < 128; c++) {
                    int t = go.get(s)[c];
                    if (t < 0) {
                        go.get(s)[c] = go.get(fail[s])[c];
                    } else {
                        fail[t] = go.get(fail[s])[c];
                        queue[tail++] = t;
                    }
                }
            }
            dfa = new int[go.size() * 128];
            accepting = new boolean[go.size()];
            for (int s = 0; s < go.size(); s++) {
                for (int c = 0; c < 128; c++) {
                    dfa[s * 128 + c] = go.get(s)[c] * 128;
                }
                accepting[s] = accept.get(s);
            }
        }
    }

    @Benchmark
    public String engineScrub(Input in) {
        return in.engine.scrub(in.next());
    }

    @Benchmark
    public int indexOfPerAnchor(Input in) {
        String text = in.next();
        int hits = 0;
        for (String a : in.anchors) {
            if (text.indexOf(a) >= 0) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    public int indexOfPerRareChar(Input in) {
        String text = in.next();
        int hits = 0;
        for (int k = 0; k < in.rareChars.length; k++) {
            char c = in.rareChars[k];
            for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
                for (String a : in.anchorsByRareChar.get(k)) {
                    int at = i - a.indexOf(c);
                    if (at >= 0 && text.regionMatches(true, at, a, 0, a.length())) {
                        hits++;
                    }
                }
            }
        }
        return hits;
    }

    @Benchmark
    public int charTable(Input in) {
        String text = in.next();
        int hits = 0;
        List<String>[] table = in.table;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && table[c] != null) {
                for (String a : table[c]) {
                    int at = i - a.indexOf(c);
                    if (at >= 0 && text.regionMatches(true, at, a, 0, a.length())) {
                        hits++;
                    }
                }
            }
        }
        return hits;
    }

    @Benchmark
    public int ahoCorasickDfa(Input in) {
        String text = in.next();
        int[] dfa = in.dfa;
        boolean[] accepting = in.accepting;
        int state = 0;
        int hits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            state = dfa[state + (c & 0x7f)];
            if (accepting[state >> 7]) {
                hits++;
            }
        }
        return hits;
    }

    /** Confirms the anchors of joint character {@code k} around position {@code i}. */
    private static int confirmJoint(Input in, String text, int k, int i) {
        if (i > 0) { // the pair (character before, joint) filters first, as the shipped bigram filter does
            char before = text.charAt(i - 1);
            boolean possible = before < 64 ? (in.jointBeforeLo[k] & (1L << before)) != 0
                    : before < 128 && (in.jointBeforeHi[k] & (1L << (before - 64))) != 0;
            if (!possible) {
                return 0;
            }
        }
        int hits = 0;
        String[] list = in.jointAnchors[k];
        int[] offsets = in.jointOffsets[k];
        for (int e = 0; e < list.length; e++) {
            int at = i - offsets[e];
            if (at >= 0 && text.regionMatches(true, at, list[e], 0, list[e].length())) {
                hits++;
            }
        }
        return hits;
    }

    /** Token anchors: one intrinsic {@code indexOf(char)} pass per joint character. */
    @Benchmark
    public int jointCharPasses(Input in) {
        String text = in.next();
        int hits = 0;
        for (int k = 0; k < JOINTS.length(); k++) {
            char c = JOINTS.charAt(k);
            for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
                hits += confirmJoint(in, text, k, i);
            }
        }
        return hits;
    }

    /** Token anchors: one pass of 8-byte words over the Latin-1 copy, all joint characters per word (SWAR). */
    @Benchmark
    @SuppressWarnings("deprecation")
    public int jointCharSwar(Input in) {
        String text = in.next();
        int n = text.length();
        byte[] b = in.bytes;
        text.getBytes(0, n, b, 0);
        java.util.Arrays.fill(b, n, n + 8, (byte) 0);
        long[] joints = in.jointWords;
        int hits = 0;
        for (int w = 0; w < n; w += 8) {
            long word = (long) LONGS.get(b, w);
            long any = 0;
            for (long j : joints) {
                long x = word ^ j;
                any |= (x - ONES) & ~x & HIGHS;
            }
            if (any != 0) {
                for (int i = w; i < Math.min(n, w + 8); i++) {
                    int k = JOINTS.indexOf(b[i]);
                    if (k >= 0) {
                        hits += confirmJoint(in, text, k, i);
                    }
                }
            }
        }
        return hits;
    }

    /**
     * Keyword anchors (letters only): one {@code indexOf(char)} pass per operator, then a backward look past
     * quotes and spaces at the word that ends there.
     */
    @Benchmark
    public int operatorBackwardLook(Input in) {
        String text = in.next();
        int hits = 0;
        for (char op : new char[] {'=', ':', '"'}) {
            for (int i = text.indexOf(op); i >= 0; i = text.indexOf(op, i + 1)) {
                int end = i;
                while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '"'
                        || text.charAt(end - 1) == '\'')) {
                    end--;
                }
                if (end == 0) {
                    continue;
                }
                char last = Character.toLowerCase(text.charAt(end - 1));
                String[] words = last < 128 ? in.keywordsByLast[last] : null;
                if (words != null) {
                    for (String w : words) {
                        int at = end - w.length();
                        if (at >= 0 && text.regionMatches(true, at, w, 0, w.length())) {
                            hits++;
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** The shipped design's filter alone: Latin-1 copy and one bigram-bitmap test per position, hits counted. */
    @Benchmark
    @SuppressWarnings("deprecation")
    public int bigramLoop(Input in) {
        String text = in.next();
        int n = text.length();
        byte[] b = in.bytes;
        text.getBytes(0, n, b, 0);
        long[] bits = in.bigrams;
        int hits = 0;
        int cur = b[0] & 0x7f;
        for (int i = 0; i < n - 1; i++) {
            int next = b[i + 1] & 0x7f;
            int key = cur << 7 | next;
            if ((bits[key >>> 6] & (1L << key)) != 0) {
                hits++;
            }
            cur = next;
        }
        return hits;
    }

    @Benchmark
    public int indexOf13(Input in) {
        return in.next().indexOf(ScrubBenchmark.LITERAL_13);
    }
}
