package dev.scrubber.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.Scrubber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo as its own JVM, as the README tells newcomers to, and checks that the scrubbed sections hold
 * none of the keys it generated, while the contrast section shows every one of them (so the check can fail).
 */
class DemoRunTest {
    private static final long SEED = 20261127L;

    @TempDir
    static Path dir;

    private static String scrubbed;
    private static String unprotected;
    private static String stderr;

    @BeforeAll
    static void runDemo() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LlmServiceDemo.class.getName(), "--seed",
                Long.toString(SEED)));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        stderr = Files.readString(dir.resolve("err.txt"));
        assertThat(p.exitValue()).as(stderr).isZero();
        String out = Files.readString(dir.resolve("out.txt"));
        int split = out.indexOf(LlmServiceDemo.CONTRAST_HEADER);
        assertThat(split).as(out).isPositive();
        scrubbed = out.substring(0, split);
        unprotected = out.substring(split);
    }

    @Test
    void theScrubbedOutputHoldsNoGeneratedSecret() {
        List<String> secrets = new FakeKeys(SEED).secrets();
        assertThat(secrets).hasSize(6);
        for (String secret : secrets) {
            assertThat(unprotected).contains(secret);
            assertThat(scrubbed).doesNotContain(secret);
            assertThat(stderr).doesNotContain(secret);
        }
        assertThat(Scrubber.builder().knownSecretsFromEnvironment(false).build().find(scrubbed)).isEmpty();
    }

    @Test
    void bothFrameworksWroteEveryEventThroughTheScrubber() {
        for (String framework : new String[] {"logback", "log4j2 "}) {
            assertThat(scrubbed).contains(framework + " INFO  ChatService [apiKey=] - Starting chat service")
                    .contains(framework + " INFO  ChatService [apiKey=[REDACTED:sensitive-key]] - Calling the provider")
                    .contains(framework + " ERROR ChatService [apiKey=] - Chat completion failed")
                    .contains(framework + " WARN  ChatService [apiKey=] - Database connection is slow: postgres://orders_app:"
                            + "[REDACTED:uri-password]@db.internal.example:5432/orders");
        }
        assertThat(scrubbed).contains("openai.apiKey=[REDACTED:openai-project-key]",
                "anthropic.apiKey=[REDACTED:anthropic-api-key]", "Authorization: Bearer [REDACTED:openai-project-key]",
                "github.token=[REDACTED:github-pat]");
        assertThat(scrubbed.split("ProviderHttpException: 401 Unauthorized", -1)).hasSize(3);
    }
}
