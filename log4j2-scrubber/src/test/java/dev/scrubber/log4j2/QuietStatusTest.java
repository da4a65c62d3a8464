package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a separate JVM really prints: with the README's configuration ({@code status="warn"}), found through Log4j's
 * normal discovery ({@code -Dlog4j2.configurationFile}), maskings print no status line on standard error; with
 * {@code maskReportLevel="warn"} the first masking per rule and logger is printed by the status listener, as it used
 * to be.
 */
class QuietStatusTest {
    @TempDir
    Path dir;

    @Test
    void anOrdinaryRunPrintsNoWarnLineOnStandardError() throws Exception {
        Run run = run("/docs/rewrite-policy.xml");
        assertThat(run.stdout).contains("[REDACTED:openai-project-key]").contains("[REDACTED:github-pat]");
        assertThat(run.stderr).doesNotContain("WARN").doesNotContain("log-scrubber");
    }

    @Test
    void maskReportLevelWarnPrintsTheReport() throws Exception {
        Run run = run("/rewrite-warn-reports.xml");
        // The configuration's status listener prints on standard error in Log4j 2.25 and later, on standard output in
        // 2.24: look at both.
        assertThat(run.stdout + run.stderr).contains("WARN").contains("masked a 'openai-project-key' secret");
        assertThat(run.stdout + run.stderr).doesNotContain(new FakeSecrets(7).openAiProjectKey());
    }

    private Run run(String config) throws IOException, InterruptedException {
        Path configFile;
        try {
            configFile = Path.of(QuietStatusTest.class.getResource(config).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlog4j2.configurationFile=" + configFile,
                Child.class.getName());
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return new Run(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private record Run(String stdout, String stderr) {
    }

    /** The child JVM: logs a few secrets through whatever configuration Log4j discovered. */
    public static final class Child {
        public static void main(String[] args) {
            FakeSecrets fake = new FakeSecrets(7);
            Logger log = LogManager.getLogger("com.example.LlmClient");
            log.info("calling gpt-4o with key {}", fake.openAiProjectKey());
            log.warn("GitHub said 401 for {}", fake.githubPat());
            log.info("done");
            LogManager.shutdown();
        }
    }
}
