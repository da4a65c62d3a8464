package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.FakeSecrets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The %scrub conversion word in real PatternLayouts, including Logback's automatically appended %ex. */
class ScrubConverterTest {
    private final FakeSecrets fake = new FakeSecrets(41);
    private Logback logback;

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
    }

    private String logWithException(String pattern, String... secrets) {
        logback = Logback.configure("/config/converter.xml", Map.of("PATTERN", pattern));
        Logger log = logback.logger("com.example.Api");
        log.info("plain line");
        log.info("key {}", secrets[0]);
        IllegalStateException cause = new IllegalStateException("cause " + secrets[1]);
        RuntimeException top = new RuntimeException("top " + secrets[0], cause);
        top.addSuppressed(new IllegalArgumentException("suppressed " + secrets[1]));
        log.error("failed", top);
        log.info("after");
        logback.stop();
        return logback.stdout();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "%scrub(%d %-5level [%thread] %logger - %msg%n%ex)", // the documented form
        "%scrub(%msg)%n", // Logback would append a raw %ex here
        "%scrub(%msg)", // ... and here, without a newline
        "%scrub(%msg)|%n",
        "%scrub(%msg)%n%ex", // a raw %ex after %scrub is wrapped
        "%scrub(%msg)%n%xEx", // ... so is the extended one
        "%highlight(%scrub(%msg))%n", // nested in another composite
        "%scrub(%logger) %scrub(%msg)%n", // two of them
        "%scrub(%msg) %highlight(%level%n%ex)", // a raw %ex inside a following composite
    })
    void noPatternShapeLeaksTheExceptionAndTheExceptionIsPrintedOnce(String pattern) {
        String openai = fake.openAiProjectKey();
        String gh = fake.githubPat();
        String out = logWithException(pattern, openai, gh);
        Secrets.assertNoneIn(out, openai, gh);
        assertThat(out).contains("plain line", "key [REDACTED:openai-project-key]", "after");
        assertThat(count(out, "java.lang.RuntimeException: top [REDACTED:openai-project-key]")).isEqualTo(1);
        assertThat(out).contains("Caused by: java.lang.IllegalStateException: cause [REDACTED:github-pat]",
                "Suppressed: java.lang.IllegalArgumentException: suppressed [REDACTED:github-pat]",
                "at dev.scrubber.logback.ScrubConverterTest");
    }

    @Test
    void theDocumentedPatternPrintsLikeLogbackWould() {
        // A literal before %n: Logback prints a '%' that directly follows ')' literally.
        String out = logWithException("%scrub(%msg)|%n", fake.openAiProjectKey(), fake.githubPat());
        String nl = System.lineSeparator();
        assertThat(out).startsWith("plain line|" + nl + "key [REDACTED:openai-project-key]|" + nl + "failed|" + nl
                + "java.lang.RuntimeException: top");
        assertThat(out).endsWith(nl + "after|" + nl);
    }

    @Test
    void optionsUseTheSameNames() {
        String gh = fake.githubPat();
        String acme = "acme_" + "0123456789abcdef0123456789abcdef";
        String out;
        logback = Logback.configure("/docs/logback-scrub-options.xml");
        Logger log = logback.logger("com.example.Api");
        log.info("pat {} acme {}", gh, acme);
        MDC.put("customerPin", "4711");
        logback.logger("k").atInfo().addKeyValue("customerPin", "4711").log("kv");
        logback.stop();
        out = logback.stdout();
        Secrets.assertNoneIn(out, gh, acme);
        assertThat(out).contains("pat [REDACTED] acme [REDACTED]");
        assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
    }

    @Test
    void anInvalidOptionIsReportedAndOnlyPlaceholdersAreWritten() {
        logback = Logback.configure("/config/converter.xml", Map.of("PATTERN", "%scrub(%msg){maskStyle=sparkly}%n"));
        logback.logger("x").info("key {}", fake.githubPat());
        logback.stop();
        assertThat(logback.stdout()).startsWith(FailPolicy.PLACEHOLDER_TEXT + System.lineSeparator());
        assertThat(logback.statusMessages(Status.ERROR)).anyMatch(m -> m.contains("sparkly"));
    }

    @Test
    void aThrowingListenerGivesAPlaceholderAndOneError() {
        logback = Logback.configure("/config/converter-listener-throws.xml");
        Logger log = logback.logger("x");
        log.info("clean before");
        log.info("key {}", fake.githubPat());
        log.info("key {}", fake.githubPat());
        log.info("clean after");
        logback.stop();
        String out = logback.stdout();
        assertThat(out.lines()).containsExactly("clean before", FailPolicy.PLACEHOLDER_TEXT,
                FailPolicy.PLACEHOLDER_TEXT, "clean after");
        assertThat(logback.statusMessages(Status.ERROR)).filteredOn(m -> m.contains("log-scrubber")).hasSize(1);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
