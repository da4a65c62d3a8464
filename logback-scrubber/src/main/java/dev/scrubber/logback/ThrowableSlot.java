package dev.scrubber.logback;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Placed inside a {@code %scrub(...)} whose children print no exception, so that {@code PatternLayout} does not
 * append its own, unscrubbed {@code %ex}; {@link ScrubConverter} then arranges a scrubbed one. Prints nothing.
 */
final class ThrowableSlot extends ThrowableHandlingConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return "";
    }
}
