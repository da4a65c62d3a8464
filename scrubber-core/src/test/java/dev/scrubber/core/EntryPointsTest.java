package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The byte entry point ({@link Scrubber#containsSecret(byte[], int, int)}, used by encoders on their output) and
 * {@link Scrubber#version()} agree with the string entry points.
 */
class EntryPointsTest {
    private final Scrubber scrubber = Scrubber.builder().knownSecretsFromEnvironment(false).build();

    @Test
    void bytesHoldASecretExactlyWhenTheStringDoes() {
        FakeSecrets fake = new FakeSecrets(901);
        for (FakeSecrets.Sample s : fake.all().values()) {
            String line = "2026-12-01 INFO [main] c.e.Service - " + s.text() + " done\n";
            byte[] bytes = ("PREFIX" + line + "SUFFIX").getBytes(StandardCharsets.UTF_8);
            int from = 6;
            int to = bytes.length - 6;
            assertThat(scrubber.containsSecret(bytes, from, to)).as(s.ruleId())
                    .isEqualTo(scrubber.scrub(line) != line);
        }
        for (String line : new BenignLogs(902).lines(500)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(scrubber.containsSecret(bytes, 0, bytes.length)).as(line)
                    .isEqualTo(scrubber.scrub(line) != line);
        }
    }

    @Test
    void onlyTheRangeIsRead() {
        String key = new FakeSecrets(903).openAiProjectKey();
        byte[] bytes = ("clean text " + key).getBytes(StandardCharsets.US_ASCII);
        assertThat(scrubber.containsSecret(bytes, 0, 11)).isFalse();
        assertThat(scrubber.containsSecret(bytes, 0, bytes.length)).isTrue();
        assertThat(scrubber.containsSecret(bytes, 5, 5)).isFalse();
        assertThat(scrubber.containsSecret(null, 0, 1)).isFalse();
    }

    @Test
    void theVersionChangesWithKnownSecretsOnly() {
        long before = scrubber.version();
        scrubber.scrub("nothing");
        assertThat(scrubber.version()).isEqualTo(before);
        scrubber.addKnownSecret("entry-points-" + new FakeSecrets(904).password());
        long afterLocal = scrubber.version();
        assertThat(afterLocal).isNotEqualTo(before);
        Scrubber.addGlobalKnownSecret("entry-points-global-" + new FakeSecrets(905).password());
        assertThat(scrubber.version()).isNotEqualTo(afterLocal);
    }
}
