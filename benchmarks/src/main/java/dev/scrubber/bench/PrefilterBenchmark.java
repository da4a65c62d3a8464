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

    @State(Scope.Thread)
    public static class Input {
        @Param({"200", "65536"})
        public int size;

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
            messages = Corpora.messages("clean", size, 42);
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

    @Benchmark
    public int indexOf13(Input in) {
        return in.next().indexOf(ScrubBenchmark.LITERAL_13);
    }
}
