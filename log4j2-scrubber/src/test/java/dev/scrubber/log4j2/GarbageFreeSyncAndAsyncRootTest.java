package dev.scrubber.log4j2;

import java.util.List;

/** The scenarios with Log4j's defaults outside web apps: garbage-free mode (reused events and messages). */
class GarbageFreeSyncAndAsyncRootTest extends ScrubbingScenarios {
    static {
        System.setProperty("log4j2.enableThreadlocals", "true");
        System.setProperty("log4j2.enableDirectEncoders", "true");
    }

    @Override
    List<String> loggers() {
        return List.of("plain", "async.root.child");
    }

    @org.junit.jupiter.api.Test
    void garbageFreeModeIsOn() {
        org.assertj.core.api.Assertions.assertThat(org.apache.logging.log4j.core.util.Constants.ENABLE_THREADLOCALS).isTrue();
    }
}
