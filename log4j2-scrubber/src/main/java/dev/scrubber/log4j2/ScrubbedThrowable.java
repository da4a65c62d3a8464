package dev.scrubber.log4j2;

/**
 * Stands in for an exception whose text needed masking: a {@code Throwable}'s message cannot be changed, so the
 * event carries this copy instead. It keeps the original frames, causes and suppressed (as copies). Its
 * {@link #toString()} is the original's, scrubbed ({@code java.lang.IllegalStateException: call failed for
 * [REDACTED:...]}), which {@code printStackTrace} and Log4j 2.25.4+ print for every header line. Renderers that
 * print {@code getClass()} instead show this class, so {@link #getMessage()} carries the original class name too:
 * {@code dev.scrubber.log4j2.ScrubbedThrowable: java.lang.IllegalStateException: call failed for [REDACTED:...]}.
 */
final class ScrubbedThrowable extends Throwable {
    private static final long serialVersionUID = 1L;

    private final String message;
    private final String text;

    ScrubbedThrowable(String message, String text, StackTraceElement[] frames) {
        super(message);
        this.message = message;
        this.text = text;
        try {
            setStackTrace(frames);
        } catch (NullPointerException e) {
            // a custom getStackTrace() returned a null frame: keep none rather than fail the event
        }
    }

    /** The frames are the original's; capturing our own would be slow and wrong. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public String getLocalizedMessage() {
        return message;
    }

    @Override
    public String toString() {
        return text;
    }
}
