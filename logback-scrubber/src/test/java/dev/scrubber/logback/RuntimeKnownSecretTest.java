package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.Scrubber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * A credential fetched at run time (from a secrets manager, after a rotation) is registered with
 * {@link Scrubber#addGlobalKnownSecret} while threads are logging through an XML-configured ScrubbingAppender and
 * AsyncAppender: nothing fails, every event arrives, and every event logged after the registration is masked.
 */
class RuntimeKnownSecretTest {
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
    void secretsRegisteredWhileLoggingAreMaskedFromThenOn() throws Exception {
        Path file = dir.resolve("app.log");
        logback = Logback.configure("/config/appender-async-file.xml",
                Map.of("LOG_FILE", file.toString(), "NEVER_BLOCK", "false", "QUEUE_SIZE", "4096"));
        Logger log = logback.logger("com.example.Rotation");
        FakeSecrets fake = new FakeSecrets(77);
        List<String> rotated = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rotated.add("rotated-" + fake.password() + "-" + i); // opaque values no rule knows
        }
        CountDownLatch registered = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                int n = 0;
                while (!stop.get() && n < 50_000) {
                    log.info("t{}-n{} warming up", thread, n++); // logging is in flight during registration
                }
                registered.await();
                for (String value : rotated) {
                    log.info("t{}-n{} connected with {}", thread, n++, value);
                }
                return n;
            }));
        }
        Thread.sleep(50);
        for (String value : rotated) {
            Scrubber.addGlobalKnownSecret(value);
        }
        stop.set(true);
        registered.countDown();
        int events = 0;
        for (Future<Integer> w : workers) {
            events += w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        logback.stop();

        String out = Files.readString(file, StandardCharsets.UTF_8);
        for (String value : rotated) {
            assertThat(out).doesNotContain(value);
        }
        assertThat(out.split("\n", -1).length - 1).as("every event arrives").isEqualTo(events);
        assertThat(out).contains("connected with [REDACTED:known-secret]");
    }
}
