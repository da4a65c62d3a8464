package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.KeyEchoServer;
import dev.scrubber.core.SplitSecrets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * A key split over consecutive events of one logger and thread, as wire loggers write HTTP bodies: through real
 * XML configurations (the README's appender drop-in, the wrapping encoder, {@code %scrub}), interleaved with
 * other loggers and with a second thread on the same logger, and through the real Apache HttpClient 5 against a
 * local server that sends a chunked 401 echoing the key.
 */
class SplitAcrossEventsTest {
    private static final String WIRE = "org.apache.hc.client5.http.wire";
    private final FakeSecrets fake = new FakeSecrets(1212);
    private Logback logback;

    @AfterEach
    void close() {
        if (logback != null) {
            logback.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/config/wire-appender.xml", "/config/wire-encoder.xml", "/config/wire-converter.xml"})
    void aKeyInWireChunksNeverSurvivesAndOtherEventsAreUnchanged(String config) throws Exception {
        logback = Logback.configure(config);
        Logger wire = logback.logger(WIRE);
        Logger other = logback.logger("com.example.orders.OrderService");
        ExecutorService secondThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "io-2"));
        try {
            int connection = 0;
            for (String key : List.of(fake.openAiProjectKey(), fake.anthropicApiKey(), fake.githubPat())) {
                for (Map.Entry<String, List<String>> cutting : SplitSecrets.cuttings(key, "T3BlbkFJ").entrySet()) {
                    String id = "http-outgoing-" + connection++;
                    List<String> chunks = cutting.getValue();
                    for (int i = 0; i < chunks.size(); i++) {
                        String payload = (i == 0 ? "{\"error\":\"Incorrect API key provided: " : "") + chunks.get(i)
                                + (i == chunks.size() - 1 ? "\"}" : "");
                        wire.debug("{} {}", id, "<< \"" + payload + "\"");
                        // Between two chunks: another logger on this thread, the same logger on another thread.
                        other.info("order {} shipped", i);
                        secondThread.submit(() -> wire.debug("{} {}", "http-outgoing-999",
                                "<< \"Content-Type: application/json[\\r][\\n]\"")).get();
                    }
                    String out = logback.stdout();
                    SplitSecrets.assertNothingSurvives(config + " " + cutting.getKey(), out, key, id);
                }
            }
            String out = logback.stdout();
            assertThat(out).contains("INFO  [main] com.example.orders.OrderService - order 0 shipped")
                    .contains("DEBUG [io-2] " + WIRE + " - http-outgoing-999 << \"Content-Type: application/json[\\r][\\n]\"")
                    .doesNotContain("order [REDACTED").doesNotContain("999 << \"[REDACTED");
        } finally {
            secondThread.shutdownNow();
        }
    }

    @Test
    void plainChunksOfAnyLoggerAreContinuedToo() {
        logback = Logback.configure("/config/wire-appender.xml");
        Logger log = logback.logger("com.example.StreamingClient");
        String key = fake.openAiProjectKey();
        for (Map.Entry<String, List<String>> cutting : SplitSecrets.cuttings(key, "T3BlbkFJ").entrySet()) {
            for (String chunk : cutting.getValue()) {
                log.info(chunk);
            }
            log.info("-- end of {}", cutting.getKey());
        }
        String out = logback.stdout();
        SplitSecrets.assertNothingSurvives("plain chunks", out.replace("INFO  [main] com.example.StreamingClient - ", "")
                .replace("\n", ""), key, "none");
        assertThat(out).contains("-- end of one character each");
    }

    /**
     * A constant message (no arguments) is remembered clean only while nothing is open: the same instance that was
     * clean alone is masked when it continues a key the previous event began.
     */
    @Test
    void aConstantMessageFoundCleanIsStillAContinuation() {
        logback = Logback.configure("/config/wire-appender.xml");
        Logger log = logback.logger("com.example.StreamingClient");
        String key = fake.githubPat();
        String head = key.substring(0, 14);
        String rest = key.substring(14).intern(); // random characters alone: clean
        log.info(rest);
        log.info(rest);
        log.info(head);
        log.info(rest);
        List<String> lines = logback.stdout().lines().toList();
        assertThat(lines.get(0)).endsWith(" - " + rest);
        assertThat(lines.get(1)).endsWith(" - " + rest);
        assertThat(String.join("\n", lines.subList(2, lines.size()))).doesNotContain(rest).doesNotContain(head);
    }

    @Test
    void theOptionLimitsContinuationsToTheListedLoggersAndReportsAtWarn() {
        logback = Logback.configure("/config/wire-limited.xml");
        String key = fake.openAiProjectKey();
        Logger wire = logback.logger(WIRE);
        Logger other = logback.logger("com.example.StreamingClient");
        for (String chunk : SplitSecrets.cut(key, 40)) {
            wire.debug("{} {}", "http-outgoing-1", "<< \"" + chunk + "\"");
        }
        String rest = key.substring(40, Math.min(key.length(), 80)); // the body runs 40 to 250 characters
        other.info("prefix {}", key.substring(0, 20));
        other.info(rest + " and more");
        String out = logback.stdout();
        String wireLines = String.join("\n", out.lines().filter(l -> l.contains(WIRE)).toList());
        SplitSecrets.assertNothingSurvives("listed logger", wireLines, key, "http-outgoing-1");
        assertThat(out).as("an unlisted logger is scrubbed event by event").contains(rest + " and more");
        assertThat(logback.statusMessages(Status.WARN)).anyMatch(m -> m.contains("log-scrubber masked a secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/config/wire-appender.xml", "/config/wire-encoder.xml", "/config/wire-converter.xml"})
    void theRealHttpClient5WireLogOfAChunked401NeverShowsTheKey(String config) throws Exception {
        logback = Logback.configure(config);
        for (String key : List.of(fake.openAiProjectKey(), fake.anthropicApiKey())) {
            int marker = Math.max(key.indexOf("T3BlbkFJ"), 20);
            for (int[] cuts : List.of(new int[] {40}, new int[] {5, marker + 3}, new int[] {12, 13, 14, 60})) {
                try (KeyEchoServer server = KeyEchoServer.start(key, cuts);
                        CloseableHttpClient client = HttpClients.createDefault()) {
                    HttpPost post = new HttpPost(server.uri());
                    post.setHeader("Authorization", "Bearer " + key);
                    post.setEntity(new StringEntity("{\"model\":\"gpt-4o-mini\"}", ContentType.APPLICATION_JSON));
                    String body = client.execute(post, response -> EntityUtils.toString(response.getEntity(),
                            StandardCharsets.UTF_8));
                    assertThat(body).as("the server really echoed the key").contains(key);
                }
            }
            String out = logback.stdout();
            assertThat(out).as("wire logging is on").contains(WIRE + " - http-outgoing-").contains("<< \"HTTP/1.1 401");
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("http-outgoing-\\d+").matcher(out);
            while (ids.find()) {
                SplitSecrets.assertNothingSurvives(config + " " + ids.group(), out, key, ids.group());
            }
        }
        assertThat(logback.stdout()).contains("invalid_request_error");
    }
}
