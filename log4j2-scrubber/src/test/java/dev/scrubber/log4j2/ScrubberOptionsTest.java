package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.util.List;
import java.util.Random;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared options, configured the same way on the policy, the layout and the converter (options.xml). */
class ScrubberOptionsTest {
    private final FakeSecrets fake = new FakeSecrets(11);

    @AfterEach
    void clear() {
        ThreadContext.clearAll();
    }

    private static String acmeKey() {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("acme_");
        for (int i = 0; i < 12; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(r.nextInt(36)));
        }
        return sb.toString();
    }

    @Test
    void everyComponentAppliesTheSameOptions() {
        String openAi = fake.openAiProjectKey();
        String jwt = fake.jwt();
        String acme = acmeKey();
        String ticket = "Tk" + Integer.toString(new Random(5).nextInt(1 << 30) | (1 << 29), 36).toUpperCase() + "zz";
        String ticketValue = ticket.substring(0, 10);
        String path = System.getenv("PATH");
        try (LoggingFixture fixture = LoggingFixture.start("options.xml")) {
            fixture.logger("options").info("evt-opt key {} token {} custom {} ticket-code: {} path {}", openAi, jwt, acme,
                    ticketValue, path);
            for (String appender : List.of("PolicyTarget", "Layout", "Converter")) {
                String out = String.join("", fixture.captured(appender));
                assertThat(out).as(appender).contains("evt-opt key [REDACTED] token ");
                assertThat(out).as(appender + ": full mask style, custom rules, known variable")
                        .doesNotContain(openAi).doesNotContain(acme).doesNotContain(ticketValue)
                        .doesNotContain("REDACTED:");
                if (path != null && path.length() >= 8) {
                    assertThat(out).as(appender + ": knownSecretVariables=PATH").doesNotContain(path);
                }
                assertThat(out).as(appender + ": jwt rule disabled").contains(jwt);
                assertThat(out).as(appender + ": group 1 of the custom rule is masked")
                        .contains("ticket-code: [REDACTED]");
            }
        }
    }

    @Test
    void addedSensitiveKeysMaskWholeValuesInThePolicy() {
        try (LoggingFixture fixture = LoggingFixture.start("options.xml")) {
            ThreadContext.put("pin", "482913");
            ThreadContext.put("region", "eu-west-1");
            fixture.logger("options").info("evt-pin");
            String out = String.join("", fixture.captured("PolicyTarget"));
            assertThat(out).contains("pin=[REDACTED]").contains("region=eu-west-1").doesNotContain("482913");
        }
    }

    @Test
    void enabledRulesKeepsOnlyTheNamedRules() {
        String openAi = fake.openAiProjectKey();
        String github = fake.githubPat();
        try (LoggingFixture fixture = LoggingFixture.start("options.xml")) {
            fixture.logger("enabledOnly").info("evt-enabled {} {}", openAi, github);
            String out = String.join("", fixture.captured("EnabledOnly"));
            assertThat(out).contains(openAi).contains("[REDACTED:github-pat]").doesNotContain(github);
        }
    }

    @Test
    void headerAndFooterAreScrubbedThroughEncodeAndToByteArray() {
        String aws = fake.awsAccessKeyId();
        System.setProperty("scrub.header", aws);
        try (LoggingFixture fixture = LoggingFixture.start("options.xml")) {
            assertThat(new String(fixture.context().getConfiguration().getAppender("Header").getLayout().getHeader(),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("deployed with [REDACTED:aws-access-key-id]\n");
            fixture.logger("header").info("evt-header");
            String file = fixture.file("header.log");
            assertThat(file).contains("deployed with [REDACTED:aws-access-key-id]", "evt-header",
                    "closed [REDACTED:aws-access-key-id]").doesNotContain(aws);
        } finally {
            System.clearProperty("scrub.header");
        }
    }

    @Test
    void firstMaskingPerRuleAndLoggerIsReportedAtInfoWithoutTheSecret() {
        String github = fake.githubPat();
        try (StatusCapture status = StatusCapture.start(Level.INFO);
                LoggingFixture fixture = LoggingFixture.start("options.xml")) {
            for (int i = 0; i < 3; i++) {
                fixture.logger("enabledOnly").info("evt-report {}", github);
            }
            fixture.stop();
            // INFO, so that an ordinary configuration (status="warn") prints nothing on standard error.
            List<String> reports = status.scrubberMessages(Level.INFO);
            assertThat(reports).filteredOn(w -> w.contains("'github-pat'") && w.contains("'enabledOnly'")).hasSize(1);
            assertThat(status.scrubberMessages(Level.WARN)).isEmpty();
            assertThat(String.join("\n", reports)).doesNotContain(github);
        }
    }
}
