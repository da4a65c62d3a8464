package dev.scrubber.log4j2;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Scrubber;
import dev.scrubber.core.ScrubberSettings;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The scrubber of one configured component plus its fail-closed wrappers: every method returns scrubbed text or
 * the placeholder, never throws, and reports the first failure. An invalid configuration leaves no scrubber, so
 * that every text becomes the placeholder rather than passing through unscrubbed.
 */
final class ScrubberRuntime {
    static final String PLACEHOLDER = FailPolicy.PLACEHOLDER_TEXT;

    private final Scrubber scrubber;
    private final FailPolicy failPolicy;
    private final StatusReporter status;

    private ScrubberRuntime(Scrubber scrubber, FailPolicy failPolicy, StatusReporter status) {
        this.scrubber = scrubber;
        this.failPolicy = failPolicy;
        this.status = status;
    }

    static ScrubberRuntime create(String component, ScrubberOptions options) {
        StatusReporter status = new StatusReporter(component);
        try {
            ScrubberSettings settings = options.toSettings();
            return new ScrubberRuntime(settings.build(status), settings.getFailPolicy(), status);
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("log-scrubber {}: invalid configuration: {}. Every text it handles is written as {}.",
                    component, e.getMessage(), PLACEHOLDER);
            return new ScrubberRuntime(null, FailPolicy.PLACEHOLDER, status);
        }
    }

    /**
     * A runtime from settings built in code. With a {@code listener}, mask reports go to it instead of the status
     * logger (whose WARN lines would land between the JSON lines of a console that Spring Boot's status listener
     * shares); failures are still reported there. An invalid or missing setting is reported and leaves a
     * fail-closed runtime, as in {@link #create(String, ScrubberOptions)}.
     */
    static ScrubberRuntime create(String component, ScrubberSettings settings, dev.scrubber.core.MaskListener listener) {
        StatusReporter status = new StatusReporter(component);
        try {
            return new ScrubberRuntime(settings.build(listener == null ? status : listener), settings.getFailPolicy(),
                    status);
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("log-scrubber {}: invalid configuration: {}. Every text it handles is written as {}.",
                    component, e.getMessage(), PLACEHOLDER);
            return new ScrubberRuntime(null, FailPolicy.PLACEHOLDER, status);
        }
    }

    /** A runtime for a component whose options were rejected: everything it handles becomes the placeholder. */
    static ScrubberRuntime failClosed(String component) {
        return new ScrubberRuntime(null, FailPolicy.PLACEHOLDER, new StatusReporter(component));
    }

    FailPolicy failPolicy() {
        return failPolicy;
    }

    /** Names the logger in mask reports for this thread; pass the result to {@link #exit}. */
    String enter(String loggerName) {
        return status.enter(loggerName);
    }

    void exit(String previous) {
        status.exit(previous);
    }

    /** Scrubbed text, the same instance when clean, or the placeholder. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        if (scrubber == null) {
            return PLACEHOLDER;
        }
        try {
            return scrubber.scrub(text);
        } catch (Throwable t) {
            status.failed("scrubbing text", t);
            return PLACEHOLDER;
        }
    }

    /** A named value scrubbed key-aware (see {@link Scrubber#scrubValue}), or the placeholder. */
    String value(String key, String value) {
        if (value == null) {
            return null;
        }
        if (scrubber == null) {
            return PLACEHOLDER;
        }
        try {
            return scrubber.scrubValue(key, value);
        } catch (Throwable t) {
            status.failed("scrubbing a value", t);
            return PLACEHOLDER;
        }
    }

    boolean isSensitiveKey(String key) {
        return scrubber == null || scrubber.isSensitiveKey(key);
    }

    /**
     * Scrubs {@code buffer[from, end)} in place; on failure the range becomes the placeholder.
     *
     * @return the number of masked spans, or -1 when the range was replaced by the placeholder
     */
    int inPlace(StringBuilder buffer, int from) {
        if (scrubber == null) {
            replaceWithPlaceholder(buffer, from);
            return -1;
        }
        try {
            return scrubber.scrub(buffer, from, buffer.length());
        } catch (Throwable t) {
            status.failed("scrubbing text", t);
            replaceWithPlaceholder(buffer, from);
            return -1;
        }
    }

    /** Replaces {@code buffer[from, end)} by the placeholder, keeping a final line break so lines stay lines. */
    static void replaceWithPlaceholder(StringBuilder buffer, int from) {
        int end = buffer.length();
        String lineEnd = end > from && buffer.charAt(end - 1) == '\n'
                ? (end - 1 > from && buffer.charAt(end - 2) == '\r' ? "\r\n" : "\n") : "";
        buffer.setLength(from);
        buffer.append(PLACEHOLDER).append(lineEnd);
    }

    /** How many failures the current thread has seen (only read on paths that already allocate). */
    int failuresOnThisThread() {
        return status.failuresOnThisThread();
    }

    /** Reports a failure outside the scrubber itself (a layout, a message, a value that throws). */
    void failed(String what, Throwable cause) {
        status.failed(what, cause);
    }
}
