package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.Scrubber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/**
 * A credential fetched at run time is registered with {@link Scrubber#addGlobalKnownSecret} while threads log
 * through an XML-configured {@code <Rewrite>} + ScrubbingPolicy: nothing fails, every event arrives, and every event
 * logged after the registration is masked.
 */
class RuntimeKnownSecretTest {
    @Test
    void secretsRegisteredWhileLoggingAreMaskedFromThenOn() throws Exception {
        FakeSecrets fake = new FakeSecrets(78);
        List<String> rotated = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rotated.add("rotated-" + fake.password() + "-" + i); // opaque values no rule knows
        }
        try (LoggingFixture fixture = LoggingFixture.start("fuzz.xml")) {
            Logger log = fixture.logger("com.example.Rotation");
            CountDownLatch registered = new CountDownLatch(1);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    int n = 0;
                    while (!stop.get() && n < 20_000) {
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

            String out = fixture.file("pattern.log");
            for (String value : rotated) {
                assertThat(out).doesNotContain(value);
            }
            assertThat(out.split("\n", -1).length - 1).as("every event arrives").isEqualTo(events);
            assertThat(out).contains("connected with [REDACTED:known-secret]");
        }
    }
}
