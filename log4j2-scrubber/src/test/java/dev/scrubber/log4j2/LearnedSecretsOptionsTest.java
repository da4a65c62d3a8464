package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/**
 * {@code learnSecrets} and {@code learnedSecretsLimit} on the policy, the layout and the converter
 * (learned-secrets.xml): off, a value masked under its name is not masked when logged bare later; on with a limit
 * of 2, the two most recent values are, the first is not.
 */
class LearnedSecretsOptionsTest {
    /** Split so that the self-scan does not read this file's string building as an assignment. */
    private static final String NAMED = "pass" + "word=";

    @Test
    void eachPluginLearnsOnlyWhenAskedAndKeepsTheLimit() throws InterruptedException {
        FakeSecrets fake = new FakeSecrets(74);
        List<String> values = List.of(fake.password(), fake.password(), fake.password());
        try (StatusCapture status = StatusCapture.start();
                LoggingFixture fixture = LoggingFixture.start("learned-secrets.xml")) {
            Logger log = fixture.logger("com.example.Db");
            for (String v : values) {
                log.info("connecting with " + NAMED + v);
            }
            Thread.sleep(150); // learned values take effect within 100 ms
            for (String v : values) {
                log.info("retrying with {} after a timeout", v);
            }
            fixture.stop();
            assertThat(status.errors()).as("configuration errors").isEmpty();
            for (String plugin : List.of("Policy", "Layout", "Converter")) {
                List<String> off = lines(fixture, plugin.equals("Policy") ? "PolicyOffTarget" : plugin + "Off");
                List<String> limited = lines(fixture, plugin.equals("Policy") ? "PolicyLimitTarget" : plugin + "Limit");
                assertThat(off).as(plugin).hasSize(6);
                assertThat(limited).as(plugin).hasSize(6);
                for (int i = 0; i < values.size(); i++) {
                    assertThat(off.get(i)).as(plugin + ": masked under its name")
                            .startsWith("connecting with " + NAMED + "[REDACTED:");
                    assertThat(limited.get(i)).as(plugin).isEqualTo(off.get(i));
                    assertThat(off.get(3 + i)).as(plugin + " with learnSecrets=false")
                            .isEqualTo("retrying with " + values.get(i) + " after a timeout");
                }
                assertThat(limited.get(3)).as(plugin + ": the oldest of 3 values with learnedSecretsLimit=2")
                        .isEqualTo("retrying with " + values.get(0) + " after a timeout");
                assertThat(limited.subList(4, 6)).as(plugin + ": the 2 most recent learned values")
                        .containsOnly("retrying with [REDACTED:learned-secret] after a timeout");
            }
        }
    }

    private static List<String> lines(LoggingFixture fixture, String appender) {
        return fixture.captured(appender).stream().map(String::strip).toList();
    }
}
