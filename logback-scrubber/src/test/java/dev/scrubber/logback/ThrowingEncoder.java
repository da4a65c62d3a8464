package dev.scrubber.logback;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** An injected fault: a pattern encoder that throws for events whose message starts with "boom". */
public class ThrowingEncoder extends PatternLayoutEncoder {
    @Override
    public byte[] encode(ILoggingEvent event) {
        if (event.getFormattedMessage().startsWith("boom")) {
            throw new IllegalStateException("injected encoder failure: " + event.getFormattedMessage());
        }
        return super.encode(event);
    }
}
