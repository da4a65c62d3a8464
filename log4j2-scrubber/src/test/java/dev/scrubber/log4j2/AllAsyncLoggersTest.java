package dev.scrubber.log4j2;

import java.util.List;

/** The scenarios with every logger asynchronous (AsyncLoggerContextSelector, disruptor ring buffer events). */
class AllAsyncLoggersTest extends ScrubbingScenarios {
    static {
        System.setProperty("log4j2.asyncLoggerRingBufferSize", "262144");
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
    }

    @Override
    List<String> loggers() {
        return List.of("plain");
    }

    @org.junit.jupiter.api.Test
    void loggersReallyAreAsync() {
        try (LoggingFixture fixture = LoggingFixture.start("policy.xml")) {
            org.assertj.core.api.Assertions.assertThat(fixture.logger("plain"))
                    .isInstanceOf(org.apache.logging.log4j.core.async.AsyncLogger.class);
        }
    }

    /**
     * 4 threads x 20,000 events, half carrying secrets in a parameter, the context map and (every tenth) an
     * exception: every event is written exactly once by each appender, and none holds a secret.
     */
    @org.junit.jupiter.api.Test
    void concurrentEventsArriveExactlyOnceAndClean() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        dev.scrubber.core.FakeSecrets fake = new dev.scrubber.core.FakeSecrets(13);
        String[] secrets = {fake.openAiProjectKey(), fake.githubPat(), fake.awsAccessKeyId(), fake.jwt()};
        try (LoggingFixture fixture = LoggingFixture.start("concurrency.xml")) {
            org.apache.logging.log4j.Logger log = fixture.logger("concurrent");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String secret = secrets[(thread + i) % secrets.length];
                        if (i % 2 == 0) {
                            org.apache.logging.log4j.ThreadContext.put("session", "token " + secret);
                            if (i % 10 == 0) {
                                log.error("evt-{}-{}! failed with {}", thread, i, secret,
                                        new IllegalStateException("upstream rejected " + secret));
                            } else {
                                log.info("evt-{}-{}! sent {}", thread, i, secret);
                            }
                            org.apache.logging.log4j.ThreadContext.remove("session");
                        } else {
                            log.info("evt-{}-{}! clean", thread, i);
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            for (String file : java.util.List.of("pattern.log", "json.log")) {
                String text = fixture.file(file);
                java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/conc-" + file), text);
                java.util.Map<String, Integer> seen = new java.util.HashMap<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("evt-\\d+-\\d+!").matcher(text);
                while (m.find()) {
                    seen.merge(m.group(), 1, Integer::sum);
                }
                int[] max = new int[threads];
                seen.keySet().forEach(k -> { String[] p = k.split("-"); int t = Integer.parseInt(p[1]);
                    max[t] = Math.max(max[t], Integer.parseInt(p[2].replace("!", ""))); });
                System.out.println("DEBUG " + file + " " + seen.size() + " max " + java.util.Arrays.toString(max));
                org.assertj.core.api.Assertions.assertThat(seen.size()).as(file).isEqualTo(threads * perThread);
                org.assertj.core.api.Assertions.assertThat(seen.values()).as(file).containsOnly(1);
                for (String secret : secrets) {
                    org.assertj.core.api.Assertions.assertThat(text.contains(secret)).as(file + " leaked").isFalse();
                }
            }
        }
    }
}
