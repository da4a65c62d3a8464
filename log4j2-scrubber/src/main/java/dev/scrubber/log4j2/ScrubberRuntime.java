package dev.scrubber.log4j2;

import dev.scrubber.core.Continuations;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Scrubber;
import dev.scrubber.core.ScrubberSettings;
import org.apache.logging.log4j.core.LogEvent;
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
    /** Secrets split over consecutive events of one logger and thread (wire logs); null when off. */
    private final Continuations continuations;
    /** The message text the first pass of {@link EventScrubber} scrubbed, for its copy step on the same thread. */
    private final ThreadLocal<String> scrubbedMessage = new ThreadLocal<>();

    private ScrubberRuntime(Scrubber scrubber, FailPolicy failPolicy, StatusReporter status,
            Continuations continuations) {
        this.scrubber = scrubber;
        this.failPolicy = failPolicy;
        this.status = status;
        this.continuations = continuations;
    }

    static ScrubberRuntime create(String component, ScrubberOptions options) {
        StatusReporter status = null;
        try {
            ScrubberSettings settings = options.toSettings();
            status = new StatusReporter(component, settings.warnsOnMask());
            Scrubber scrubber = settings.build(status);
            return new ScrubberRuntime(scrubber, settings.getFailPolicy(), status, settings.buildContinuations(scrubber));
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("log-scrubber {}: invalid configuration: {}. Every text it handles is written as {}.",
                    component, e.getMessage(), PLACEHOLDER);
            return new ScrubberRuntime(null, FailPolicy.PLACEHOLDER, status != null ? status : new StatusReporter(component),
                    null);
        }
    }

    /**
     * A runtime from settings built in code. With a {@code listener}, mask reports go to it instead of the status
     * logger (whose WARN lines would land between the JSON lines of a console that Spring Boot's status listener
     * shares); failures are still reported there. An invalid or missing setting is reported and leaves a
     * fail-closed runtime, as in {@link #create(String, ScrubberOptions)}.
     */
    static ScrubberRuntime create(String component, ScrubberSettings settings, dev.scrubber.core.MaskListener listener) {
        StatusReporter status = new StatusReporter(component, settings.warnsOnMask());
        try {
            Scrubber scrubber = settings.build(listener == null ? status : listener);
            return new ScrubberRuntime(scrubber, settings.getFailPolicy(), status, settings.buildContinuations(scrubber));
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("log-scrubber {}: invalid configuration: {}. Every text it handles is written as {}.",
                    component, e.getMessage(), PLACEHOLDER);
            return new ScrubberRuntime(null, FailPolicy.PLACEHOLDER, status, null);
        }
    }

    /** A runtime for a component whose options were rejected: everything it handles becomes the placeholder. */
    static ScrubberRuntime failClosed(String component) {
        return new ScrubberRuntime(null, FailPolicy.PLACEHOLDER, new StatusReporter(component), null);
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

    /** The engine's version ({@link Scrubber#version()}): what was found clean is valid while it is unchanged. */
    long version() {
        return scrubber == null ? 0 : scrubber.version();
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

    /**
     * Like {@link #inPlace(StringBuilder, int)}, as the next text of the event's stream (logger and thread), so that
     * a secret split over consecutive events is masked (see {@link Continuations}).
     */
    int inPlace(LogEvent event, StringBuilder buffer, int from) {
        if (continuations == null || scrubber == null) {
            return inPlace(buffer, from);
        }
        try {
            return continuations.scrub(event.getLoggerName(), event.getThreadName(), buffer, from, buffer.length());
        } catch (Throwable t) {
            status.failed("scrubbing text", t);
            replaceWithPlaceholder(buffer, from);
            return -1;
        }
    }

    /** Whether the continuation stage (when on) holds no open run for this thread (see {@link Continuations#idle}). */
    boolean idle() {
        return continuations == null || continuations.idle();
    }

    /** Remembers (or, with null, forgets) the scrubbed message of the event this thread is rewriting. */
    void rememberMessage(String text) {
        if (text == null) {
            scrubbedMessage.remove();
        } else {
            scrubbedMessage.set(text);
        }
    }

    /** The remembered scrubbed message, once; null when none was remembered. */
    String takeMessage() {
        String text = scrubbedMessage.get();
        if (text != null) {
            scrubbedMessage.remove();
        }
        return text;
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
