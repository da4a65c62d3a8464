package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.scrubber.core.FakeSecrets;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a separate JVM really prints on standard output and standard error: with the README's configuration, found
 * through Logback's normal discovery ({@code -Dlogback.configurationFile}), maskings produce no status line at run
 * time, also with Spring Boot's console status listener (which prints every status of WARN and above) installed the
 * way Spring Boot installs it. With {@code maskReportLevel=warn} that listener does print the report.
 */
class QuietStatusTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void maskingsPrintNoStatusLineAtRunTime(boolean springBootListener) throws Exception {
        Run run = run("/docs/logback-appender.xml", springBootListener);
        assertThat(run.stdout).contains("[REDACTED:openai-project-key]").contains("[REDACTED:github-pat]");
        assertThat(run.stdout + run.stderr).doesNotContain("log-scrubber").doesNotContain("|-WARN")
                .doesNotContain("|-INFO");
    }

    @Test
    void maskReportLevelWarnIsPrintedBySpringBootsListener() throws Exception {
        Run run = run("/config/appender-warn-reports.xml", true);
        assertThat(run.stdout).contains("[REDACTED:openai-project-key]");
        assertThat(run.stdout + run.stderr).contains("WARN")
                .contains("log-scrubber masked a secret of type [openai-project-key]");
        assertThat(run.stdout + run.stderr).doesNotContain(new FakeSecrets(7).openAiProjectKey());
    }

    private Run run(String config, boolean springBootListener) throws IOException, InterruptedException {
        Path configFile = Path.of(resource(config));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=" + configFile,
                Child.class.getName(), Boolean.toString(springBootListener));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return new Run(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try {
            return Path.of(QuietStatusTest.class.getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(String stdout, String stderr) {
    }

    /** The child JVM: logs a few secrets through whatever configuration Logback discovered. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            if (Boolean.parseBoolean(args[0])) {
                // What Spring Boot's LogbackLoggingSystem does: print statuses of WARN and above on the console.
                Class<?> listener = Class.forName("org.springframework.boot.logging.logback.SystemStatusListener");
                Method addTo = listener.getDeclaredMethod("addTo", LoggerContext.class);
                addTo.setAccessible(true);
                addTo.invoke(null, context);
            }
            FakeSecrets fake = new FakeSecrets(7);
            Logger log = LoggerFactory.getLogger("com.example.LlmClient");
            log.info("calling gpt-4o with key {}", fake.openAiProjectKey());
            log.warn("GitHub said 401 for {}", fake.githubPat());
            log.info("done");
            context.stop();
        }
    }
}
