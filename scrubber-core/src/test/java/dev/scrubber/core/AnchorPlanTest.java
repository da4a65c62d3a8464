package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The anchor scan against the obvious search: every occurrence of every anchor (the catalog's, and odd ones a custom
 * rule or a known secret can bring) in random text is reported exactly once, and nothing else is. Each rule here
 * records where its verifier was asked, so the test sees the scan itself, not what verification made of it.
 */
class AnchorPlanTest {
    private static final String NON_LATIN1 = "\u20ac\u0100\u4e2d\u0161";

    /** A verifier that only records the anchor occurrences it is shown. */
    private static final class Recorder implements Verifier {
        final TreeSet<String> seen;
        final int rule;

        Recorder(TreeSet<String> seen, int rule) {
            this.seen = seen;
            this.rule = rule;
        }

        @Override
        public long verify(CharSequence text, int anchorStart, int anchorEnd, ScanState state) {
            seen.add(rule + "@" + anchorStart + "-" + anchorEnd);
            return NONE;
        }

        @Override
        public String describe() {
            return "records";
        }
    }

    @Test
    void everyOccurrenceOfEveryAnchorIsFoundOnceAndNothingElse() {
        List<Anchor> anchors = new ArrayList<>();
        for (Rule r : Catalog.rules()) {
            anchors.addAll(r.anchors);
        }
        // What a custom rule or a known secret may bring: one character, a non-ASCII follower, a character above
        // U+00FF (the byte copy keeps only its low byte), punctuation only, a folded anchor starting with a digit.
        anchors.add(Anchor.exact("#"));
        anchors.add(Anchor.exact("k\u00e9y-"));
        anchors.add(Anchor.exact("pa\u20acss"));
        anchors.add(Anchor.exact("a\u0161"));
        anchors.add(Anchor.exact("::"));
        anchors.add(Anchor.ignoringCase("9lives_"));
        List<Anchor> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(anchors));
        TreeSet<String> seen = new TreeSet<>();
        List<Rule> rules = new ArrayList<>();
        for (int a = 0; a < distinct.size(); a++) {
            rules.add(new Rule("probe-" + a, "probe", List.of(distinct.get(a)), new Recorder(seen, a)));
        }
        AnchorPlan plan = AnchorPlan.compile(rules);
        Rule[] ruleArray = rules.toArray(new Rule[0]);
        Random random = new Random(20261202);
        for (int round = 0; round < 3000; round++) {
            String text = randomText(random, distinct);
            seen.clear();
            ScanState state = ScanState.acquire();
            try {
                plan.scan(text, ruleArray, state);
            } finally {
                state.release();
            }
            assertThat(seen).as("anchors in %s", text).isEqualTo(naive(text, distinct));
        }
    }

    @Test
    void aKnownSecretWithCharactersAboveLatin1IsMaskedWherever()  {
        Random random = new Random(7);
        for (String alphabet : List.of("\u043f\u0430\u0440\u043e\u043b\u044c", "\u20ac\u00a3$", "\u5bc6\u7801\u4e2d")) {
            StringBuilder secret = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                secret.append(i % 3 == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            Scrubber scrubber = Scrubber.builder().knownSecrets(secret.toString()).build();
            for (String line : List.of("password is " + secret, secret + " was sent", "x=" + secret + ";")) {
                assertThat(scrubber.scrub(line)).as(line).doesNotContain(secret);
            }
        }
    }

    /** Random characters with anchors (in random case where they fold) at random places, often at the edges. */
    private static String randomText(Random random, List<Anchor> anchors) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int p = 0; p < parts; p++) {
            int filler = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
            for (int i = 0; i < filler; i++) {
                int kind = random.nextInt(20);
                b.append(kind == 0 ? NON_LATIN1.charAt(random.nextInt(NON_LATIN1.length()))
                        : kind == 1 ? (char) (0xa0 + random.nextInt(0x60)) : (char) (' ' + random.nextInt(95)));
            }
            Anchor a = anchors.get(random.nextInt(anchors.size()));
            String lit = a.literal();
            if (a.ignoreCase()) {
                StringBuilder cased = new StringBuilder();
                for (char c : lit.toCharArray()) {
                    cased.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                }
                lit = cased.toString();
            }
            if (random.nextInt(8) == 0 && lit.length() > 1) {
                lit = lit.substring(0, lit.length() - 1); // a cut-short anchor is no occurrence
            }
            b.append(lit);
        }
        return b.toString();
    }

    private static TreeSet<String> naive(String text, List<Anchor> anchors) {
        TreeSet<String> expected = new TreeSet<>();
        for (int a = 0; a < anchors.size(); a++) {
            String lit = anchors.get(a).literal();
            for (int at = 0; at + lit.length() <= text.length(); at++) {
                if (Text.matchesAt(text, at, lit, anchors.get(a).ignoreCase())) {
                    expected.add(a + "@" + at + "-" + (at + lit.length()));
                }
            }
        }
        return expected;
    }

    /**
     * The catalog's anchors are chosen for rare trigger pairs: on the benign corpus the pair filter passes at about 20
     * positions per 1,000 characters (19.66 on 2026-12-03; DESIGN.md, "Named values"). An anchor whose trigger is a
     * common pair ({@code s:}, {@code s }, {@code ep}) adds thousands of passes and fails this; choose its literal so
     * that its rarest pair is rare in logs, then move the bound with the measurement.
     */
    @Test
    void theCatalogsAnchorsPassTheFilterRarelyOnBenignText() {
        AnchorPlan plan = Scrubber.builder().knownSecretsFromEnvironment(false).learnSecrets(false).build().engine().plan;
        long passes = 0;
        long chars = 0;
        for (String line : new BenignLogs(42).lines(20_000)) {
            byte[] latin1 = line.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            passes += plan.filterPasses(latin1);
            chars += latin1.length;
        }
        double perThousand = passes * 1000.0 / chars;
        assertThat(perThousand).as("filter passes per 1,000 characters").isBetween(5.0, 20.0);
    }
}
