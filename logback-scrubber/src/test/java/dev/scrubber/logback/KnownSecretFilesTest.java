package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.scrubber.core.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <knownSecretFiles>} on an XML-configured ScrubbingAppender: a mounted secret is masked bare. */
class KnownSecretFilesTest {
    @TempDir
    Path mount;
    private Logback logback;

    @AfterEach
    void tearDown() {
        if (logback != null) {
            logback.close();
        }
    }

    @Test
    void aMountedSecretIsMaskedBare() throws Exception {
        String password = new FakeSecrets(1464).password();
        Path generation = Files.createDirectory(mount.resolve("..2026_01_01_00_00_00.1"));
        Files.writeString(generation.resolve("db-password"), password + "\n");
        Files.createSymbolicLink(mount.resolve("..data"), generation.getFileName());
        Files.createSymbolicLink(mount.resolve("db-password"), Path.of("..data", "db-password"));

        logback = Logback.configure("/known-secret-files.xml", Map.of("secretDir", mount.toString()));
        logback.logger("com.example.Db").info("connecting with {}", password);
        logback.stop();
        assertThat(logback.stdout()).isEqualTo("connecting with [REDACTED:known-secret]" + System.lineSeparator());
        assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
    }
}
