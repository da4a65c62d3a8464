package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.junit.jupiter.api.Test;

/** The scenarios with every logger asynchronous (AsyncLoggerContextSelector, disruptor ring buffer events). */
class AllAsyncLoggersTest extends ScrubbingScenarios {
    static {
        // Log4j's non-garbage-free default. With the 4,096 slots of garbage-free mode, 4 producers blocking on a full
        // ring buffer lost events in the concurrency test below even with no scrubbing component configured
        // (reproduced on 2.26.1 with plain PatternLayout and JsonTemplateLayout appenders); not ours to test here.
        System.setProperty("log4j2.asyncLoggerRingBufferSize", "262144");
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
    }

    @Override
    List<String> loggers() {
        return List.of("plain");
    }

    @Test
    void loggersReallyAreAsync() {
        try (LoggingFixture fixture = LoggingFixture.start("policy.xml")) {
            assertThat(fixture.logger("plain")).isInstanceOf(AsyncLogger.class);
        }
    }

    /**
     * 4 threads x 20,000 events, half carrying secrets in a parameter, the context map and (every tenth) an
     * exception: every event is written exactly once by each appender, and none holds a secret.
     */
    @Test
    void concurrentEventsArriveExactlyOnceAndClean() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        FakeSecrets fake = new FakeSecrets(13);
        String[] secrets = {fake.openAiProjectKey(), fake.githubPat(), fake.awsAccessKeyId(), fake.jwt()};
        try (LoggingFixture fixture = LoggingFixture.start("concurrency.xml")) {
            Logger log = fixture.logger("concurrent");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> logMany(log, thread, perThread, secrets)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            for (String file : List.of("pattern.log", "json.log")) {
                String text = fixture.file(file);
                Map<String, Integer> seen = new HashMap<>();
                Matcher m = Pattern.compile("evt-\\d+-\\d+!").matcher(text);
                while (m.find()) {
                    seen.merge(m.group(), 1, Integer::sum);
                }
                assertThat(seen.size()).as(file).isEqualTo(threads * perThread);
                assertThat(seen.values()).as(file).containsOnly(1);
                for (String secret : secrets) {
                    assertThat(text.contains(secret)).as(file + " leaked").isFalse();
                }
            }
        }
    }

    private static void logMany(Logger log, int thread, int count, String[] secrets) {
        for (int i = 0; i < count; i++) {
            String secret = secrets[(thread + i) % secrets.length];
            if (i % 2 == 1) {
                log.info("evt-{}-{}! clean", thread, i);
                continue;
            }
            ThreadContext.put("session", "token " + secret);
            if (i % 10 == 0) {
                log.error("evt-{}-{}! failed with {}", thread, i, secret,
                        new IllegalStateException("upstream rejected " + secret));
            } else {
                log.info("evt-{}-{}! sent {}", thread, i, secret);
            }
            ThreadContext.remove("session");
        }
    }
}
