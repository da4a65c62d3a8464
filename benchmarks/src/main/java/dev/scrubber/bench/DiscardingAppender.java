package dev.scrubber.bench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

/** A Logback appender that encodes every event like a file appender and throws the bytes away. */
public class DiscardingAppender extends OutputStreamAppender<ILoggingEvent> {
    final CapturingStream stream = new CapturingStream();

    @Override
    public void start() {
        setOutputStream(stream);
        super.start();
    }
}
