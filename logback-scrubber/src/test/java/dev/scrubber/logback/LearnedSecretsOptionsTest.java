package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.scrubber.core.FakeSecrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * {@code learnSecrets} and {@code learnedSecretsLimit} on the appender, the encoder and the converter
 * (config/learned-secrets.xml): off, a value masked under its name is not masked when logged bare later; on with a
 * limit of 2, the two most recent values are, the first is not.
 */
class LearnedSecretsOptionsTest {
    /** Split so that the self-scan does not read this file's string building as an assignment. */
    private static final String NAMED = "pass" + "word=";

    @TempDir
    Path dir;

    @Test
    void eachComponentLearnsOnlyWhenAskedAndKeepsTheLimit() throws InterruptedException {
        FakeSecrets fake = new FakeSecrets(72);
        List<String> values = List.of(fake.password(), fake.password(), fake.password());
        try (Logback logback = Logback.configure("/config/learned-secrets.xml", Map.of("LOG_DIR", dir.toString()))) {
            Logger log = logback.logger("com.example.Db");
            for (String v : values) {
                log.info("connecting with " + NAMED + v);
            }
            Thread.sleep(150); // learned values take effect within 100 ms
            for (String v : values) {
                log.info("retrying with {} after a timeout", v);
            }
            logback.stop();
            assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
        }
        for (String component : List.of("appender", "encoder", "converter")) {
            List<String> off = Logback.read(dir.resolve(component + "-off.log")).lines().toList();
            List<String> limited = Logback.read(dir.resolve(component + "-limit.log")).lines().toList();
            assertThat(off).as(component).hasSize(6);
            assertThat(limited).as(component).hasSize(6);
            for (int i = 0; i < values.size(); i++) {
                assertThat(off.get(i)).as(component + ": masked under its name").startsWith("connecting with " + NAMED + "[REDACTED:");
                assertThat(limited.get(i)).as(component).isEqualTo(off.get(i));
                assertThat(off.get(3 + i)).as(component + " with learnSecrets=false")
                        .isEqualTo("retrying with " + values.get(i) + " after a timeout");
            }
            assertThat(limited.get(3)).as(component + ": the oldest of 3 values with learnedSecretsLimit=2")
                    .isEqualTo("retrying with " + values.get(0) + " after a timeout");
            assertThat(limited.subList(4, 6)).as(component + ": the 2 most recent learned values")
                    .containsOnly("retrying with [REDACTED:learned-secret] after a timeout");
        }
    }
}
