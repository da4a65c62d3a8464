package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.FakeSecrets;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Injected faults: a masking listener that throws (how a failing rule looks from outside), a wrapped layout that
 * throws, the whole-message fail policy, invalid options. The placeholder is written, the problem is reported once
 * through the status logger, the caller is unaffected and later events still flow.
 */
class FaultInjectionTest {
    private static final String PLACEHOLDER = FailPolicy.PLACEHOLDER_TEXT;
    private final FakeSecrets fake = new FakeSecrets(9);

    @AfterEach
    void removeInjectedFault() {
        StatusReporter.faultInjection = null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void failingRuleWritesThePlaceholderReportsOnceAndLaterEventsFlow(String config) {
        String secret = fake.openAiProjectKey();
        String later = fake.githubPat();
        try (StatusCapture status = StatusCapture.start();
                LoggingFixture fixture = LoggingFixture.start(config)) {
            Logger log = fixture.logger("plain");
            StatusReporter.faultInjection = ruleId -> {
                throw new IllegalStateException("injected failure");
            };
            log.info("evt-fault-1 key {}", secret);
            int errorsAfterFirst = status.scrubberMessages(Level.ERROR).size();
            log.info("evt-fault-2 key {}", secret);
            log.info("evt-fault-3 key {}", secret);
            log.info("evt-fault-clean nothing to mask");
            assertThat(status.scrubberMessages(Level.ERROR)).as("reported once per component").hasSize(errorsAfterFirst);
            StatusReporter.faultInjection = null;
            log.info("evt-fault-after key {}", later);
            Outputs out = Outputs.read(fixture, config);
            out.assertEach(List.of(PLACEHOLDER, "evt-fault-clean nothing to mask", "[REDACTED:github-pat]"),
                    List.of(secret, later));
            assertThat(errorsAfterFirst).isPositive();
            assertThat(String.join("\n", status.scrubberMessages(Level.ERROR))).doesNotContain(secret)
                    .doesNotContain("injected failure");
        }
    }

    @Test
    void wrappedLayoutThatThrowsBecomesOnePlaceholderLine() {
        String secret = fake.awsAccessKeyId();
        try (StatusCapture status = StatusCapture.start();
                LoggingFixture fixture = LoggingFixture.start("faults.xml")) {
            Logger log = fixture.logger("exploding");
            log.info("evt-ok-1");
            log.info("please explode {}", secret);
            log.info("please explode again");
            log.info("evt-ok-2");
            assertThat(fixture.captured("ExplodingWrapped"))
                    .containsExactly("evt-ok-1\n", PLACEHOLDER + System.lineSeparator(),
                            PLACEHOLDER + System.lineSeparator(), "evt-ok-2\n");
            assertThat(fixture.file("exploding.log")).isEqualTo("evt-ok-1\n" + PLACEHOLDER + System.lineSeparator()
                    + PLACEHOLDER + System.lineSeparator() + "evt-ok-2\n");
            assertThat(status.scrubberMessages(Level.ERROR)).filteredOn(m -> m.contains("the wrapped layout failed"))
                    .as("one report per layout instance").hasSize(2);
        }
    }

    @Test
    void wholeMessagePolicyReplacesMessageAndDropsExceptionText() {
        String secret = fake.jwt();
        try (LoggingFixture fixture = LoggingFixture.start("faults.xml")) {
            StatusReporter.faultInjection = ruleId -> {
                throw new IllegalStateException("injected failure");
            };
            fixture.logger("whole").error("evt-whole {}", secret, new IllegalStateException("with " + secret));
            StatusReporter.faultInjection = null;
            fixture.logger("whole").info("evt-whole-later");
            assertThat(fixture.captured("WholeMessageTarget"))
                    .containsExactly("ERROR whole - " + PLACEHOLDER + "\n", "INFO whole - evt-whole-later\n");
        }
    }

    @Test
    void invalidOptionsFailClosedAndAreReported() {
        String secret = fake.anthropicApiKey();
        try (StatusCapture status = StatusCapture.start();
                LoggingFixture fixture = LoggingFixture.start("faults.xml")) {
            fixture.logger("invalid").info("evt-invalid {}", secret);
            assertThat(fixture.captured("InvalidPolicyTarget")).containsExactly("INFO invalid - " + PLACEHOLDER + "\n");
            assertThat(fixture.captured("InvalidLayout")).containsExactly(PLACEHOLDER + "\n");
            assertThat(fixture.captured("InvalidConverter")).containsExactly("INFO invalid - " + PLACEHOLDER + "\n");
            assertThat(status.scrubberMessages(Level.ERROR)).filteredOn(m -> m.contains("invalid configuration"))
                    .hasSize(3);
        }
    }
}
