package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.core.status.Status;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.FakeSecrets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** Injected faults in the appender: the placeholder policy holds, one error is reported, later events flow. */
class FaultInjectionTest {
    private final FakeSecrets fake = new FakeSecrets(81);
    private Logback logback;

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
    }

    @Test
    void aThrowingListenerReplacesOnlyTheFailedPartsAndReportsOnce() {
        logback = Logback.configure("/config/appender-listener-throws.xml");
        Logger log = logback.logger("com.example.Faulty");
        String key = fake.openAiProjectKey();
        assertThatCode(() -> {
            log.info("clean before");
            MDC.put("auth", "key " + key);
            log.info("message {} leaks", key);
            log.error("boom", new IllegalStateException("cause " + key));
            MDC.clear();
            log.info("clean after");
        }).doesNotThrowAnyException();
        logback.stop();
        String out = logback.stdout();
        Secrets.assertNoneIn(out, key);
        assertThat(out).contains("clean before", "auth=" + FailPolicy.PLACEHOLDER_TEXT,
                "INFO com.example.Faulty - " + FailPolicy.PLACEHOLDER_TEXT, "java.lang.IllegalStateException: "
                        + FailPolicy.PLACEHOLDER_TEXT, "clean after");
        assertThat(logback.statusMessages(Status.ERROR)).filteredOn(m -> m.contains("log-scrubber")).hasSize(1);
        assertThat(logback.allStatusText()).doesNotContain(key);
    }

    @Test
    void aUserListenerIsToldOfEachMaskingExactlyOnce() {
        logback = Logback.configure("/config/appender-counting-listener.xml");
        CountingListener.COUNT.set(0);
        Logger log = logback.logger("com.example.Counted");
        MDC.put("upstream", "key " + fake.anthropicApiKey());
        log.error("key {}", fake.githubPat(), new IllegalStateException("cause " + fake.jwt()));
        MDC.clear();
        log.info("clean");
        logback.stop();
        assertThat(CountingListener.COUNT.get()).isEqualTo(3);
    }

    @Test
    void wholeMessagePolicyDropsTheMessageAndTheException() {
        logback = Logback.configure("/config/appender-listener-throws.xml", Map.of("FAIL_POLICY", "whole-message"));
        Logger log = logback.logger("com.example.Faulty");
        String key = fake.githubPat();
        log.error("prefix " + key, new IllegalStateException("cause " + key));
        log.info("clean after");
        logback.stop();
        String out = logback.stdout();
        Secrets.assertNoneIn(out, key);
        assertThat(out).contains("ERROR com.example.Faulty - " + FailPolicy.PLACEHOLDER_TEXT, "clean after")
                .doesNotContain("IllegalStateException").doesNotContain("prefix");
    }

    @Test
    void anInvalidOptionIsReportedAndEventsStillFlowAsPlaceholders() {
        logback = Logback.configure("/config/appender-bad-option.xml");
        Logger log = logback.logger("com.example.Misconfigured");
        String key = fake.githubPat();
        log.info("key {}", key);
        logback.stop();
        assertThat(logback.statusMessages(Status.ERROR)).anyMatch(m -> m.contains("sparkly"));
        assertThat(logback.stdout()).isEqualTo("INFO com.example.Misconfigured - " + FailPolicy.PLACEHOLDER_TEXT
                + System.lineSeparator());
    }
}
