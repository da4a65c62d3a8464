package dev.scrubber.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrubber.core.FakeSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.rewrite.RewriteAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications with {@code spring-boot-starter-log4j2} instead of Logback (a separate surefire
 * execution whose class path has no Logback), no logging configuration file, only the starter.
 */
@ExtendWith(OutputCaptureExtension.class)
class Log4j2StarterTest {
    private final FakeSecrets fake = new FakeSecrets(1424);
    private final Logger log = LogManager.getLogger("com.example.orders.OrderService");
    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void onItsOwnClassPath() {
        org.junit.jupiter.api.Assumptions.assumeTrue(!TestApp.present("ch.qos.logback.classic.LoggerContext"), "runs in the log4j2 surefire execution, without Logback");
    }

    @BeforeEach
    @AfterEach
    void isolate() {
        TestApp.clearLoggingSystemProperties();
    }

    @Test
    void theLoggingSystemIsLog4j2() {
        assertThat(LoggingSystem.get(getClass().getClassLoader()).getClass().getSimpleName())
                .isEqualTo("Log4J2LoggingSystem");
    }

    @Test
    void defaultConsoleMasksPatternsAndSecretNamedProperties(CapturedOutput output) {
        String dbPassword = fake.password();
        String key = fake.openAiProjectKey();
        String pat = fake.githubPat();
        try (ConfigurableApplicationContext app = TestApp.run("--spring.datasource.password=" + dbPassword)) {
            log.info("connecting to orders with {}", dbPassword);
            log.info("calling gpt-4o with {}", key);
            log.error("request failed", new IllegalStateException("401 for token " + pat));
        }
        assertThat(output.getOut()).contains("connecting to orders with [REDACTED:known-secret]",
                "calling gpt-4o with [REDACTED:openai-project-key]", "401 for token [REDACTED:github-pat]")
                .doesNotContain(dbPassword, key, pat);
    }

    @Test
    void ecsStructuredConsoleAndAFileAreScrubbed(CapturedOutput output) throws IOException {
        Path file = dir.resolve("app.log");
        String key = fake.anthropicApiKey();
        String token = fake.password();
        try (ConfigurableApplicationContext app = TestApp.run("--logging.structured.format.console=ecs",
                "--logging.file.name=" + file)) {
            ThreadContext.put("apiKey", token);
            try {
                log.warn("anthropic call with {}", key);
            } finally {
                ThreadContext.remove("apiKey");
            }
        }
        List<JsonNode> lines = SpringBootLogbackTest.jsonLines(output.getOut());
        JsonNode call = lines.stream().filter(n -> n.path("message").asText().startsWith("anthropic call")).findFirst()
                .orElseThrow();
        assertThat(call.path("message").asText()).isEqualTo("anthropic call with [REDACTED:anthropic-api-key]");
        assertThat(call.path("apiKey").asText()).isEqualTo("[REDACTED:sensitive-key]");
        assertThat(Files.readString(file)).contains("anthropic call with [REDACTED:anthropic-api-key]");
        assertThat(output.getOut() + Files.readString(file)).doesNotContain(key, token);
    }

    @Test
    void survivesReinitialisationAndScrubberEnabledFalseTurnsItOff(CapturedOutput output) {
        String first = fake.openAiProjectKey();
        try (ConfigurableApplicationContext app = TestApp.run()) {
            LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
            system.cleanUp();
            system.initialize(new LoggingInitializationContext(app.getEnvironment()), null, null);
            log.info("after re-initialisation {}", first);
        }
        String second = fake.openAiProjectKey();
        try (ConfigurableApplicationContext app = TestApp.run("--scrubber.enabled=false")) {
            log.info("disabled {}", second);
        }
        assertThat(output.getOut()).contains("after re-initialisation [REDACTED:openai-project-key]",
                "disabled " + second).doesNotContain(first);
    }

    @Test
    void aRewriteWithScrubbingPolicyConfiguredInXmlIsNotWrappedAgain(CapturedOutput output) {
        String key = fake.openAiProjectKey();
        try (ConfigurableApplicationContext app = TestApp.run("--logging.config=classpath:log4j2-user-scrub.xml")) {
            log.info("xml-configured {}", key);
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            var root = context.getConfiguration().getRootLogger().getAppenders();
            assertThat(root).containsOnlyKeys("Scrubbed");
            Appender scrubbed = root.get("Scrubbed");
            assertThat(scrubbed).isInstanceOf(RewriteAppender.class);
            assertThat(context.getConfiguration().getAppenders()).doesNotContainKey("Scrubbed-Scrubbed");
        }
        assertThat(output.getOut()).contains("xml-configured [REDACTED:openai-project-key]").doesNotContain(key);
    }
}
