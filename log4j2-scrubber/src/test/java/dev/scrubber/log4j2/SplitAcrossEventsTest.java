package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.KeyEchoServer;
import dev.scrubber.core.SplitSecrets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/**
 * A key split over consecutive events of one logger and thread, as wire loggers write HTTP bodies, through a real
 * XML configuration with the Rewrite + ScrubbingPolicy drop-in, the layout wrapper and {@code %scrub}: interleaved
 * with other loggers and a second thread on the same logger, and through the real Apache HttpClient 5 (SLF4J to
 * Log4j) against a local server that sends a chunked 401 echoing the key.
 */
class SplitAcrossEventsTest {
    private static final String WIRE = "org.apache.hc.client5.http.wire";
    private static final List<String> FILES = List.of("policy.log", "layout.log", "converter.log");
    private final FakeSecrets fake = new FakeSecrets(1213);

    @Test
    void aKeyInWireChunksNeverSurvivesAndOtherEventsAreUnchanged() throws Exception {
        List<String> keys = List.of(fake.openAiProjectKey(), fake.anthropicApiKey(), fake.githubPat());
        ExecutorService secondThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "io-2"));
        try (LoggingFixture fixture = LoggingFixture.start("wire.xml")) {
            Logger wire = fixture.logger(WIRE);
            Logger other = fixture.logger("com.example.orders.OrderService");
            int connection = 0;
            for (String key : keys) {
                for (Map.Entry<String, List<String>> cutting : SplitSecrets.cuttings(key, "T3BlbkFJ").entrySet()) {
                    String id = "http-outgoing-" + connection++;
                    List<String> chunks = cutting.getValue();
                    for (int i = 0; i < chunks.size(); i++) {
                        String payload = (i == 0 ? "{\"error\":\"Incorrect API key provided: " : "") + chunks.get(i)
                                + (i == chunks.size() - 1 ? "\"}" : "");
                        wire.debug("{} {}", id, "<< \"" + payload + "\"");
                        other.info("order {} shipped", i);
                        secondThread.submit(() -> wire.debug("{} {}", "http-outgoing-999",
                                "<< \"Content-Type: application/json[\\r][\\n]\"")).get();
                    }
                }
            }
            fixture.stop();
            for (String file : FILES) {
                String out = fixture.file(file);
                int c = 0;
                for (String key : keys) {
                    for (String cutting : SplitSecrets.cuttings(key, "T3BlbkFJ").keySet()) {
                        SplitSecrets.assertNothingSurvives(file + " " + cutting, out, key, "http-outgoing-" + c++);
                    }
                }
                assertThat(out).contains("INFO  [main] com.example.orders.OrderService - order 0 shipped")
                        .contains("DEBUG [io-2] " + WIRE + " - http-outgoing-999 << \"Content-Type: application/json[\\r][\\n]\"")
                        .doesNotContain("order [REDACTED").doesNotContain("999 << \"[REDACTED");
            }
        } finally {
            secondThread.shutdownNow();
        }
    }

    /**
     * A constant message (no parameters) is remembered clean only while nothing is open: the same instance that was
     * clean alone is masked when it continues a key the previous event began. Through the policy: the layout and
     * {@code %scrub} continue only HttpClient's quoted framing in a rendered line (docs/log4j2.md).
     */
    @Test
    void aConstantMessageFoundCleanIsStillAContinuation() {
        String key = fake.githubPat();
        String head = key.substring(0, 14);
        String rest = key.substring(14).intern(); // random characters alone: clean
        try (LoggingFixture fixture = LoggingFixture.start("wire.xml")) {
            Logger wire = fixture.logger(WIRE);
            wire.debug(rest);
            wire.debug(rest);
            wire.debug(head);
            wire.debug(rest);
            for (String file : List.of("policy.log")) {
                List<String> lines = fixture.file(file).lines().toList();
                assertThat(lines).as(file).hasSize(4);
                assertThat(lines.get(0)).as(file).endsWith(rest);
                assertThat(lines.get(1)).as(file).endsWith(rest);
                assertThat(String.join("\n", lines.subList(2, 4))).as(file).doesNotContain(rest).doesNotContain(head);
            }
        }
    }

    @Test
    void theOptionLimitsContinuationsToTheListedLoggersAndReportsAtWarn() {
        String key = fake.openAiProjectKey();
        try (StatusCapture status = StatusCapture.start(Level.INFO);
                LoggingFixture fixture = LoggingFixture.start("wire-limited.xml")) {
            Logger wire = fixture.logger(WIRE);
            for (String chunk : SplitSecrets.cut(key, 40)) {
                wire.debug("{} {}", "http-outgoing-1", "<< \"" + chunk + "\"");
            }
            Logger other = fixture.logger("com.example.StreamingClient");
            other.info("prefix {}", key.substring(0, 20));
            String rest = key.substring(40, Math.min(key.length(), 80)); // the body runs 40 to 250 characters
            other.info(rest + " and more");
            String out = fixture.file("policy.log");
            String wireLines = String.join("\n", out.lines().filter(l -> l.contains(WIRE)).toList());
            SplitSecrets.assertNothingSurvives("listed logger", wireLines, key, "http-outgoing-1");
            assertThat(out).as("an unlisted logger is scrubbed event by event").contains(rest + " and more");
            assertThat(status.scrubberMessages(Level.WARN)).anyMatch(m -> m.contains("masked a 'openai-project-key'"));
        }
    }

    @Test
    void theRealHttpClient5WireLogOfAChunked401NeverShowsTheKey() throws Exception {
        List<String> keys = List.of(fake.openAiProjectKey(), fake.anthropicApiKey());
        try (LoggingFixture fixture = LoggingFixture.start("wire.xml")) {
            for (String key : keys) {
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
            }
            fixture.stop();
            for (String file : FILES) {
                String out = fixture.file(file);
                assertThat(out).as("wire logging is on").contains(WIRE + " - http-outgoing-")
                        .contains("<< \"HTTP/1.1 401").contains("invalid_request_error");
                Matcher ids = Pattern.compile("http-outgoing-\\d+").matcher(out);
                while (ids.find()) {
                    for (String key : keys) {
                        SplitSecrets.assertNothingSurvives(file + " " + ids.group(), out, key, ids.group());
                    }
                }
            }
        }
    }
}
