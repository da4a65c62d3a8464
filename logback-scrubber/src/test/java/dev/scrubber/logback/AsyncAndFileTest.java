package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.FakeSecrets.Sample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * ScrubbingAppender with AsyncAppender (in front of and behind it, blocking and neverBlock) writing real files: the
 * scrubbed copies are formatted later on the async worker thread and must still hold no secret.
 */
class AsyncAndFileTest {
    private final FakeSecrets fake = new FakeSecrets(51);
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

    private Path file() {
        return dir.resolve("app.log");
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "true"})
    void scrubbedCopiesSurviveTheAsyncQueue(String neverBlock) throws Exception {
        logback = Logback.configure("/config/appender-async-file.xml",
                Map.of("LOG_FILE", file().toString(), "NEVER_BLOCK", neverBlock, "QUEUE_SIZE", "4096"));
        Logger log = logback.logger("com.example.Worker");
        List<Sample> samples = Secrets.singleLineSamples(17);
        int i = 0;
        for (Sample s : samples) {
            MDC.put("credential", s.secret());
            MDC.put("context", "ctx " + s.text());
            log.info("event-{} uses {}", i++, s.text());
            MDC.clear();
        }
        log.error("event-{} failed", i++, new IllegalStateException("bad key " + fake.openAiProjectKey()));
        logback.stop();
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        String out = String.join("\n", lines);
        Secrets.assertNoneIn(out, samples);
        for (int n = 0; n < i; n++) {
            assertThat(out).contains("event-" + n + " ");
        }
        assertThat(out).contains("java.lang.IllegalStateException: bad key [REDACTED:openai-project-key]",
                "[main] com.example.Worker", "credential=[REDACTED:sensitive-key]");
    }

    @Test
    void asyncInFrontOfTheScrubbingAppenderAlsoWorks() {
        logback = Logback.configure("/config/async-in-front.xml", Map.of("LOG_FILE", file().toString()));
        Logger log = logback.logger("com.example.Front");
        String key = fake.anthropicApiKey();
        MDC.put("session", "key " + key);
        log.info("calling with {}", key);
        log.warn("failed", new RuntimeException("wrapped " + key));
        logback.stop();
        String out = Logback.read(file());
        Secrets.assertNoneIn(out, key);
        assertThat(out).contains("calling with [REDACTED:anthropic-api-key]", "wrapped [REDACTED:anthropic-api-key]");
    }

    /** 4 threads x 20,000 events, half with secrets in message, MDC and (every 50th) exception. */
    @Test
    void concurrentEventsThroughAsyncArriveExactlyOnceAndClean() throws Exception {
        logback = Logback.configure("/config/appender-async-file.xml",
                Map.of("LOG_FILE", file().toString(), "QUEUE_SIZE", "1024"));
        Logger log = logback.logger("com.example.Concurrent");
        String[] secrets = {fake.openAiProjectKey(), fake.githubPat(), fake.awsAccessKeyId(), fake.jwt()};
        int threads = 4;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                String secret = secrets[thread];
                for (int i = 0; i < perThread; i++) {
                    if (i % 2 == 0) {
                        MDC.put("upstream", "key " + secret);
                        if (i % 50 == 0) {
                            log.error("id=t{}-{} failed with {}", thread, i, secret,
                                    new IllegalStateException("cause " + secret));
                        } else {
                            log.info("id=t{}-{} using {}", thread, i, secret);
                        }
                        MDC.remove("upstream");
                    } else {
                        log.info("id=t{}-{} clean", thread, i);
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        logback.stop();
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        int events = 0;
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
            int at = line.indexOf("id=t");
            if (at >= 0) {
                events++;
                String id = line.substring(at, line.indexOf(' ', at));
                assertThat(ids.add(id)).as("duplicate " + id).isTrue();
            }
        }
        assertThat(events).isEqualTo(threads * perThread);
        assertThat(ids).hasSize(threads * perThread);
    }
}
