package dev.scrubber.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * An immutable copy of an event whose text surfaces were scrubbed on the logging thread. Every accessor that can
 * carry text returns the scrubbed value, including the raw template and arguments that {@code LoggingEventVO}
 * and JSON encoders read; identity, time and caller data come from the original event.
 */
final class ScrubbedEvent implements ILoggingEvent {
    private final ILoggingEvent original;
    private final String threadName;
    private final String message;
    private final Object[] arguments;
    private final String formattedMessage;
    private final Map<String, String> mdc;
    private final List<KeyValuePair> keyValuePairs;
    private final List<Marker> markers;
    private final IThrowableProxy throwableProxy;
    private final Instant instant;

    ScrubbedEvent(ILoggingEvent original, String message, Object[] arguments, String formattedMessage,
            Map<String, String> mdc, List<KeyValuePair> keyValuePairs, List<Marker> markers,
            IThrowableProxy throwableProxy) {
        this.original = original;
        this.threadName = original.getThreadName();
        this.instant = original.getInstant();
        this.message = message;
        this.arguments = arguments;
        this.formattedMessage = formattedMessage;
        this.mdc = mdc;
        this.keyValuePairs = keyValuePairs;
        this.markers = markers;
        this.throwableProxy = throwableProxy;
    }

    @Override
    public String getThreadName() {
        return threadName;
    }

    @Override
    public Level getLevel() {
        return original.getLevel();
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public Object[] getArgumentArray() {
        return arguments;
    }

    @Override
    public String getFormattedMessage() {
        return formattedMessage;
    }

    @Override
    public String getLoggerName() {
        return original.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return original.getLoggerContextVO();
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return throwableProxy;
    }

    /** Computed by the original event when first asked, as Logback does; frames hold no logged text. */
    @Override
    public StackTraceElement[] getCallerData() {
        return original.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return original.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return markers;
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return mdc;
    }

    @Override
    @Deprecated
    public Map<String, String> getMdc() {
        return mdc;
    }

    @Override
    public long getTimeStamp() {
        return original.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return original.getNanoseconds();
    }

    /** Overridden because the interface default rebuilds the instant from milliseconds and loses nanoseconds. */
    @Override
    public Instant getInstant() {
        return instant;
    }

    @Override
    public long getSequenceNumber() {
        return original.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return keyValuePairs;
    }

    /** Nothing to do: every deferred value was computed when this copy was made. */
    @Override
    public void prepareForDeferredProcessing() {
    }

    @Override
    public String toString() {
        return "[" + getLevel() + "] " + formattedMessage;
    }
}
