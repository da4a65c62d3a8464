package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --known-secret-files}: the values of a mounted secret are masked in an exported log. */
class KnownSecretFilesTest {
    @TempDir
    Path dir;

    @Test
    void aMountedSecretIsMaskedInExistingLogs() throws Exception {
        String password = new FakeSecrets(1484).password();
        Path env = Files.writeString(dir.resolve("app.env"), "DB_USER=orders\nDB_PASSWORD=" + password + "\n");
        CliRun run = CliRun.runWithInput(("login as orders with " + password + "\n").getBytes(StandardCharsets.UTF_8),
                "scrub", "--known-secrets-from-environment=false", "--known-secret-files=" + env);
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("login as orders with [REDACTED:known-secret]\n");
    }
}
