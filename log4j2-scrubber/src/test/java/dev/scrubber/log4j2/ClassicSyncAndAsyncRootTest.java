package dev.scrubber.log4j2;

import java.util.List;

/** The scenarios with garbage-free mode off (as in web apps): immutable events, no direct encoders. */
class ClassicSyncAndAsyncRootTest extends ScrubbingScenarios {
    static {
        System.setProperty("log4j2.enableThreadlocals", "false");
        System.setProperty("log4j2.enableDirectEncoders", "false");
    }

    @Override
    List<String> loggers() {
        return List.of("plain", "async.root.child");
    }

    @org.junit.jupiter.api.Test
    void garbageFreeModeIsOff() {
        org.assertj.core.api.Assertions.assertThat(org.apache.logging.log4j.core.util.Constants.ENABLE_THREADLOCALS).isFalse();
    }
}
