package dev.scrubber.log4j2;

import java.util.List;

/** The scenarios with every logger asynchronous (AsyncLoggerContextSelector, disruptor ring buffer events). */
class AllAsyncLoggersTest extends ScrubbingScenarios {
    static {
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
}
