package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code knownSecretFiles} attribute of ScrubbingPolicy and ScrubbingLayout: a Docker secret masked bare. */
class KnownSecretFilesTest {
    @TempDir
    Path secrets;

    @Test
    void aDockerSecretIsMaskedBare() throws Exception {
        String token = new FakeSecrets(1474).password();
        Files.writeString(secrets.resolve("vendor_token"), token);
        System.setProperty("scrub.secretDir", secrets.toString());
        LoggingFixture logging = LoggingFixture.start("known-secret-files.xml");
        logging.logger("com.example.Vendor").info("token {}", token);
        assertThat(logging.file("out.log")).isEqualTo("token [REDACTED:known-secret]" + System.lineSeparator());
    }
}
