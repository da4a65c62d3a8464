package dev.scrubber.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real appender (configured by name in the test XML) that keeps the event objects it receives, so tests can
 * inspect what a ScrubbingAppender forwards and compare it with the original event.
 */
public class CapturingAppender extends AppenderBase<ILoggingEvent> {
    private static final Map<String, List<ILoggingEvent>> BY_NAME = new ConcurrentHashMap<>();

    static List<ILoggingEvent> events(String appenderName) {
        return BY_NAME.computeIfAbsent(appenderName, n -> new CopyOnWriteArrayList<>());
    }

    static void clear() {
        BY_NAME.clear();
    }

    @Override
    protected void append(ILoggingEvent event) {
        events(getName()).add(event);
    }
}
