package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.scrubber.core.FakeSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Every XML snippet of docs/logback.md is a file under src/test/resources/docs that is loaded here, and the doc
 * must contain each file verbatim, so the two never drift.
 */
class DocSnippetsTest {
    private static final Path SNIPPETS = Path.of("src/test/resources/docs");
    private static final Path DOC = Path.of("../docs/logback.md");

    private final FakeSecrets fake = new FakeSecrets(61);
    private Logback logback;
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
    }

    static Stream<String> snippets() throws IOException {
        try (Stream<Path> files = Files.list(SNIPPETS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void theDocContainsTheSnippetVerbatim(String name) throws IOException {
        String snippet = Files.readString(SNIPPETS.resolve(name), StandardCharsets.UTF_8).strip();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).as(name + " in docs/logback.md").contains(snippet);
    }

    @Test
    void everySnippetIsLoadedByATest() throws IOException {
        assertThat(snippets().toList()).containsExactlyInAnyOrder("logback-all-options.xml",
                "logback-appender.xml", "logback-cloudwatch-appender.xml", "logback-json-encoder.xml",
                "logback-scrub-options.xml", "logback-scrub-pattern.xml", "logback-spring.xml",
                "logback-stdout-json.xml");
    }

    @ParameterizedTest
    @MethodSource("consoleSnippets")
    void eachConsoleSnippetMasksWhatItShould(String name) {
        logback = Logback.configure("/docs/" + name);
        Logger log = logback.logger("com.example.orders.OrderService");
        String key = fake.openAiProjectKey();
        String pat = fake.githubPat();
        MDC.put("requestId", "req-7");
        log.info("started");
        log.info("calling model with {}", key);
        log.error("failed", new IllegalStateException("token " + pat));
        logback.stop();
        String out = logback.stdout();
        Secrets.assertNoneIn(out, key, pat);
        assertThat(out).contains("started", "calling model with [REDACTED", "java.lang.IllegalStateException: token [REDACTED");
        assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
    }

    static List<String> consoleSnippets() {
        return List.of("logback-appender.xml", "logback-json-encoder.xml", "logback-scrub-pattern.xml",
                "logback-spring.xml", "logback-stdout-json.xml", "logback-all-options.xml",
                "logback-scrub-options.xml");
    }

    @Test
    void springBootConsoleKeepsItsPatternAndIsScrubbed() {
        logback = Logback.configure("/docs/logback-spring.xml");
        logback.logger("com.example.Web").info("auth {}", fake.jwt());
        logback.stop();
        assertThat(logback.stdout()).contains("com.example.Web", " : auth [REDACTED:jwt]");
    }

    @Test
    void allOptionsSnippetAppliesTheOptions() throws InterruptedException {
        logback = Logback.configure("/docs/logback-all-options.xml");
        Logger log = logback.logger("com.example.Pay");
        String acme = "acme_" + "00112233445566778899aabbccddeeff";
        String dbPassword = fake.password();
        MDC.put("customerPin", "4711");
        log.info("custom rule {} and key {}", acme, fake.openAiProjectKey());
        log.info("connecting to postgres://app:{}@db.internal:5432/orders", dbPassword);
        Thread.sleep(150); // learned values take effect within 100 ms
        log.info("retrying with {}", dbPassword);
        logback.stop();
        String out = logback.stdout();
        assertThat(out).doesNotContain(acme).doesNotContain("4711").doesNotContain(dbPassword)
                .containsPattern("\\[REDACTED:acme-key:[0-9a-f]+\\]")
                .containsPattern("customerPin=\\[REDACTED:sensitive-key:[0-9a-f]+\\]")
                .containsPattern("retrying with \\[REDACTED:learned-secret:[0-9a-f]+\\]");
    }

    @Test
    void cloudWatchAppenderSnippetWithAStandInForTheNetworkAppender() throws IOException {
        String xml = Files.readString(SNIPPETS.resolve("logback-cloudwatch-appender.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains("ca.pjer.logback.AwsLogsAppender");
        Path file = dir.resolve("cloudwatch.xml");
        Files.writeString(file, xml.replace("ca.pjer.logback.AwsLogsAppender", CloudWatchStandIn.class.getName()));
        CloudWatchStandIn.SENT.reset();
        logback = Logback.configure(file.toUri().toURL());
        String key = fake.anthropicApiKey();
        logback.logger("com.example.Lambda").info("invoked with {}", key);
        logback.logger("com.example.Lambda").error("failed", new RuntimeException("upstream " + key));
        logback.stop();
        String sent;
        synchronized (CloudWatchStandIn.SENT) {
            sent = CloudWatchStandIn.SENT.toString(StandardCharsets.UTF_8);
        }
        Secrets.assertNoneIn(sent, key);
        assertThat(sent.lines()).hasSize(2).allMatch(l -> l.startsWith("{\"@timestamp\""));
        assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
    }
}
