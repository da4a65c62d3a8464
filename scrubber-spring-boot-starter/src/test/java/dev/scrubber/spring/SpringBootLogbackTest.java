package dev.scrubber.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.logback.ScrubbingAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications with Spring Boot's default logging (Logback) and no logging configuration file:
 * only the starter on the class path.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootLogbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeSecrets fake = new FakeSecrets(1414);
    private final Logger log = LoggerFactory.getLogger("com.example.orders.OrderService");
    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void onItsOwnClassPath() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestApp.present("ch.qos.logback.classic.LoggerContext"), "runs in the default surefire execution, with Logback");
    }

    @BeforeEach
    @AfterEach
    void isolate() {
        TestApp.clearLoggingSystemProperties();
    }

    @Test
    void defaultConsoleMasksPatternsAndTheValuesOfSecretNamedProperties(CapturedOutput output) {
        String dbPassword = fake.password();
        String openAiKey = fake.openAiProjectKey();
        String pat = fake.githubPat();
        try (ConfigurableApplicationContext app = TestApp.run("--spring.datasource.password=" + dbPassword,
                "--app.vendor.api-key=${VENDOR_KEY_FROM_ENV:" + fake.password() + "}")) {
            log.info("connecting to orders with {}", dbPassword); // bare: no pattern can know it
            log.info("calling gpt-4o with {}", openAiKey);
            log.error("request failed", new IllegalStateException("401 for token " + pat));
        }
        String out = output.getOut();
        assertThat(out).contains("connecting to orders with [REDACTED:known-secret]",
                "calling gpt-4o with [REDACTED:openai-project-key]",
                "java.lang.IllegalStateException: 401 for token [REDACTED:github-pat]", "Started ");
        assertThat(out).doesNotContain(dbPassword, openAiKey, pat);
    }

    @Test
    void scrubberEnabledFalseLeavesLoggingAsItWas(CapturedOutput output) {
        String openAiKey = fake.openAiProjectKey();
        try (ConfigurableApplicationContext app = TestApp.run("--scrubber.enabled=false")) {
            log.info("calling gpt-4o with {}", openAiKey);
            assertThat(rootAppenders()).noneMatch(a -> a instanceof ScrubbingAppender);
        }
        assertThat(output.getOut()).contains("calling gpt-4o with " + openAiKey);
    }

    @Test
    void survivesReinitialisationAndASecondApplicationInTheSameJvm(CapturedOutput output) {
        String first = fake.openAiProjectKey();
        try (ConfigurableApplicationContext app = TestApp.run()) {
            // What a refresh that re-initialises logging does (Spring Cloud's environment refresh, for example).
            LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
            system.cleanUp();
            system.initialize(new LoggingInitializationContext(app.getEnvironment()), null, null);
            log.info("after re-initialisation {}", first);
        }
        String second = fake.openAiProjectKey();
        try (ConfigurableApplicationContext app = TestApp.run("--scrubber.mask-style=full")) {
            log.info("second application {}", second);
            assertThat(rootAppenders()).hasSize(1).allMatch(a -> a instanceof LogbackScrubbing.BootScrubbingAppender);
        }
        assertThat(output.getOut()).contains("after re-initialisation [REDACTED:openai-project-key]",
                "second application [REDACTED]").doesNotContain(first, second);
    }

    @Test
    void logFileIsScrubbedToo(CapturedOutput output) throws IOException {
        Path file = dir.resolve("app.log");
        String key = fake.anthropicApiKey();
        try (ConfigurableApplicationContext app = TestApp.run("--logging.file.name=" + file)) {
            log.warn("anthropic call with {}", key);
        }
        String written = Files.readString(file);
        assertThat(written).contains("anthropic call with [REDACTED:anthropic-api-key]").doesNotContain(key);
        assertThat(output.getOut()).doesNotContain(key);
    }

    @Test
    void ecsStructuredConsoleIsValidJsonPerLineWithMaskedFields(CapturedOutput output) throws IOException {
        String key = fake.openAiProjectKey();
        String token = fake.password();
        try (ConfigurableApplicationContext app = TestApp.run("--logging.structured.format.console=ecs")) {
            MDC.put("apiKey", token);
            try {
                log.info("calling gpt-4o with {}", key);
                log.error("failed", new IllegalStateException("bad key " + key));
            } finally {
                MDC.remove("apiKey");
            }
        }
        List<JsonNode> lines = jsonLines(output.getOut());
        JsonNode call = lines.stream().filter(n -> n.path("message").asText().startsWith("calling gpt-4o")).findFirst()
                .orElseThrow();
        assertThat(call.path("message").asText()).isEqualTo("calling gpt-4o with [REDACTED:openai-project-key]");
        assertThat(call.path("apiKey").asText()).isEqualTo("[REDACTED:sensitive-key]");
        JsonNode failed = lines.stream().filter(n -> n.path("message").asText().equals("failed")).findFirst()
                .orElseThrow();
        assertThat(failed.path("error").path("message").asText()).isEqualTo("bad key [REDACTED:openai-project-key]");
        assertThat(output.getOut()).doesNotContain(key, token);
    }

    @Test
    void gelfConsoleAndLogstashFileAreScrubbed(CapturedOutput output) throws IOException {
        Path file = dir.resolve("structured.log");
        String key = fake.githubPat();
        try (ConfigurableApplicationContext app = TestApp.run("--logging.structured.format.console=gelf",
                "--logging.structured.format.file=logstash", "--logging.file.name=" + file)) {
            log.info("pushing with {}", key);
        }
        assertThat(jsonLines(output.getOut())).anyMatch(
                n -> n.path("short_message").asText().equals("pushing with [REDACTED:github-pat]"));
        assertThat(jsonLines(Files.readString(file))).anyMatch(
                n -> n.path("message").asText().equals("pushing with [REDACTED:github-pat]"));
        assertThat(output.getOut() + Files.readString(file)).doesNotContain(key);
    }

    @Test
    void aScrubbingAppenderConfiguredInXmlIsNotWrappedAgain(CapturedOutput output) {
        String key = fake.openAiProjectKey();
        try (ConfigurableApplicationContext app = TestApp.run("--logging.config=classpath:logback-spring-scrub.xml")) {
            log.info("xml-configured {}", key);
            List<Appender<?>> root = rootAppenders();
            assertThat(root).hasSize(1);
            assertThat(root.get(0)).isInstanceOf(ScrubbingAppender.class)
                    .isNotInstanceOf(LogbackScrubbing.BootScrubbingAppender.class);
        }
        assertThat(output.getOut()).contains("xml-configured [REDACTED:openai-project-key]").doesNotContain(key);
    }

    @Test
    void maskingsAreCountedByRuleInActuatorMetrics(CapturedOutput output) throws Exception {
        String key = fake.openAiProjectKey();
        try (ConfigurableApplicationContext app = TestApp.run(WebApplicationType.SERVLET, "--server.port=0",
                "--server.address=127.0.0.1", "--management.endpoints.web.exposure.include=metrics")) {
            log.info("calling gpt-4o with {}", key);
            log.info("and again with {}", key);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/actuator/metrics/scrubber.masked?tag=rule:openai-project-key"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode metric = JSON.readTree(response.body());
            assertThat(metric.path("name").asText()).isEqualTo("scrubber.masked");
            assertThat(metric.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(2);
            assertThat(response.body()).doesNotContain(key);
            HttpResponse<String> all = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/actuator/metrics/scrubber.masked")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(all.body()).contains("\"rule\"", "openai-project-key");
        }
    }

    private static List<Appender<?>> rootAppenders() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<Appender<?>> out = new ArrayList<>();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(out::add);
        return out;
    }

    /** Every non-blank line parsed as JSON: fails on any line that is not. */
    static List<JsonNode> jsonLines(String text) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as("a JSON object per line: " + line).isTrue();
                out.add(node);
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }
}
