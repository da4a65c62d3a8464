package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.FakeSecrets;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The full scale: 8 threads x 100,000 events through a ScrubbingAppender in front of a blocking
 * {@code AsyncAppender} writing a file ({@code config/fullscale-async-file.xml}); every second event carries secrets
 * in its message, its MDC and its exception (with a cause). Every event must be written exactly once and no line may
 * hold a secret. About 25 s on a busy 2-core machine, so it runs in the default build next to the 4 x 20,000 variant
 * in {@link AsyncAndFileTest}.
 */
class FullScaleConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 100_000;
    private Logback logback;
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        if (logback != null) {
            logback.close();
        }
    }

    @Test
    void eightThreadsTimesHundredThousandArriveExactlyOnceAndClean() throws Exception {
        Path file = dir.resolve("app.log");
        logback = Logback.configure("/config/fullscale-async-file.xml", Map.of("LOG_FILE", file.toString()));
        Logger log = logback.logger("com.example.FullScale");
        FakeSecrets fake = new FakeSecrets(8100);
        String[] secrets = {fake.openAiProjectKey(), fake.anthropicApiKey(), fake.githubPat(), fake.awsAccessKeyId(),
            fake.jwt(), fake.openAiProjectKey(), fake.githubPat(), fake.anthropicApiKey()};

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> logMany(log, thread, secrets[thread])));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        logback.stop(); // drains the async queue and flushes the file

        BitSet[] seen = new BitSet[THREADS];
        for (int t = 0; t < THREADS; t++) {
            seen[t] = new BitSet(PER_THREAD);
        }
        long events = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                for (String secret : secrets) {
                    assertThat(line.contains(secret)).as("a line holds a secret").isFalse();
                }
                assertThat(line).doesNotContain(FailPolicy.PLACEHOLDER_TEXT);
                if (line.startsWith("id=t")) {
                    int dash = line.indexOf('-');
                    int thread = Integer.parseInt(line.substring(4, dash));
                    int i = Integer.parseInt(line.substring(dash + 1, line.indexOf(' ', dash)));
                    assertThat(seen[thread].get(i)).as("duplicate t" + thread + "-" + i).isFalse();
                    seen[thread].set(i);
                    events++;
                }
            }
        }
        assertThat(events).isEqualTo((long) THREADS * PER_THREAD);
    }

    private static void logMany(Logger log, int thread, String secret) {
        for (int i = 0; i < PER_THREAD; i++) {
            if (i % 2 == 1) {
                log.info("id=t{}-{} clean", thread, i);
                continue;
            }
            MDC.put("upstream", "key " + secret);
            MDC.put("apiKey", secret);
            log.error("id=t{}-{} failed with {}", thread, i, secret,
                    new QuietException("rejected " + secret, new QuietException("root " + secret, null)));
            MDC.clear();
        }
    }

    /** An exception without a stack trace, so that 400,000 of them keep the file small. */
    private static final class QuietException extends RuntimeException {
        QuietException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
