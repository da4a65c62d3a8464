package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every copy of a masked value in the same text, and learned values masked in later events. */
class CopiesAndLearningTest {
    /** Split so that the self-scan does not read this file's string building as assignments. */
    private static final String PW = "pass" + "word=";
    private final NamedValueCorpus corpus = new NamedValueCorpus(4242);

    private String password() {
        String v;
        do {
            v = corpus.value(16, 24).replace(' ', '_').replace(',', ';');
        } while (!NamedValueCorpus.dumpValue(v) || v.indexOf('{') >= 0);
        return v;
    }

    @Test
    void everyCopyOfAContextMaskedValueInTheSameTextIsMasked() {
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false).learnSecrets(false).build();
        String pw = password();
        String line = "{username=app, " + PW + pw + ", engine=postgres} login failed; retrying with " + pw
                + " (attempt 2)\n" + pw;
        String out = s.scrub(line);
        assertThat(out).doesNotContain(pw)
                .isEqualTo("{username=app, " + PW + "[REDACTED:password-assignment], engine=postgres} login failed; "
                        + "retrying with [REDACTED:password-assignment] (attempt 2)\n[REDACTED:password-assignment]");
        String word = pw.replaceAll("[^A-Za-z0-9]", "a") + "9";
        String glued = "{" + PW + word + ", x=1} and " + word + "Z";
        assertThat(s.scrub(glued)).as("a copy glued into a longer word is another word").endsWith("9Z");
    }

    @Test
    void learnedValuesAreMaskedBareInLaterEvents() {
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false).learnInterval(0).build();
        String pw = password();
        String bare = "retry for user app with " + pw + " failed";
        assertThat(s.scrub(bare)).as("not yet learned").isSameAs(bare);
        s.scrub("{username=app, " + PW + pw + ", engine=postgres}");
        assertThat(s.scrub(bare)).isEqualTo("retry for user app with [REDACTED:learned-secret] failed");
        StringBuilder sb = new StringBuilder(bare);
        assertThat(s.scrub(sb, 0, sb.length())).isEqualTo(1);
        assertThat(s.ruleIds()).contains(LearnedSecrets.RULE_ID);
        assertThat(s.toString()).doesNotContain(pw);
    }

    @Test
    void lowEntropyShortAndOffValuesAreNotLearned() {
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false).learnInterval(0).build();
        s.scrub(PW + "hunter2 token=" + "aaaaaaaa1");
        assertThat(s.scrub("hunter2 aaaaaaaa1")).isEqualTo("hunter2 aaaaaaaa1");
        String pin = "pin " + PW + "48213907";
        assertThat(s.scrub(pin)).as("masked under its name").doesNotContain("48213907");
        String cookie = "Coo" + "kie: _ga=GA1.2.48213907.1700000000; theme=dark";
        assertThat(s.scrub(cookie)).as("digits alone are not learned").isEqualTo(cookie);
        Scrubber off = Scrubber.builder().knownSecretsFromEnvironment(false).learnSecrets(false).learnInterval(0).build();
        String pw = password();
        off.scrub(PW + pw);
        assertThat(off.scrub("bare " + pw)).isEqualTo("bare " + pw);
        ScrubberSettings settings = new ScrubberSettings();
        settings.setLearnSecrets(false);
        Scrubber fromSettings = settings.build(null);
        fromSettings.scrub(PW + pw);
        assertThat(fromSettings.scrub("bare " + pw)).isEqualTo("bare " + pw);
    }

    @Test
    void learningIsBoundedToTheMostRecentValues() {
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false).learnedSecretsLimit(3).learnInterval(0)
                .build();
        List<String> values = List.of(password(), password(), password(), password());
        for (String v : values) {
            s.scrub(PW + v);
        }
        assertThat(s.scrub("x " + values.get(0))).as("evicted").isEqualTo("x " + values.get(0));
        assertThat(s.scrub("x " + values.get(3))).isEqualTo("x [REDACTED:learned-secret]");
    }

    @Test
    void cleanTextStillAllocatesNothingWithLearnedValues() {
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false).learnInterval(0).build();
        for (int i = 0; i < 50; i++) {
            s.scrub(PW + password());
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<String> lines = new BenignLogs(9).lines(500);
        for (int warm = 0; warm < 60; warm++) {
            lines.forEach(s::scrub);
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < lines.size(); i++) {
                s.scrub(lines.get(i));
            }
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).as("bytes for 10,000 clean calls").isLessThan(4096);
    }
}
