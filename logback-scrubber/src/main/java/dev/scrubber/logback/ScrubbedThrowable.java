package dev.scrubber.logback;

/**
 * A stand-in for the logged exception, carrying only scrubbed text, for consumers that ignore the
 * {@code IThrowableProxy} interface and print {@code ThrowableProxy.getThrowable()} themselves (Spring Boot's
 * stack-trace printers, Powertools' JSON encoder). {@link #toString()} reproduces the original class name, so a
 * printed trace reads like the original one; the frames are the original frames.
 */
final class ScrubbedThrowable extends Throwable {
    private static final long serialVersionUID = 1L;

    private final String firstLine;

    ScrubbedThrowable(String message, String firstLine, StackTraceElement[] frames) {
        super(message);
        this.firstLine = firstLine;
        setStackTrace(frames);
    }

    /** Keeps the construction cheap: the frames are the original ones, set in the constructor. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String toString() {
        return firstLine;
    }
}
