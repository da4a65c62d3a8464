package dev.scrubber.logback;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Scrubber;

/**
 * Prints the exception through another throwable converter ({@code %ex}, {@code %xEx}, {@code %rEx} …) and scrubs
 * what it prints. {@link ScrubConverter} puts it in place of throwable converters that follow it in a pattern and
 * where Logback would otherwise append an unscrubbed {@code %ex}.
 */
final class ScrubbedThrowableConverter extends ThrowableHandlingConverter {
    private final ThrowableHandlingConverter delegate;
    private final Scrubber scrubber;
    private final StatusReporter reporter;
    private final boolean startOnNewLine;

    ScrubbedThrowableConverter(ThrowableHandlingConverter delegate, Scrubber scrubber, StatusReporter reporter,
            boolean startOnNewLine) {
        this.delegate = delegate;
        this.scrubber = scrubber;
        this.reporter = reporter;
        this.startOnNewLine = startOnNewLine;
    }

    @Override
    public void start() {
        if (delegate.getContext() == null) {
            delegate.setContext(getContext());
        }
        if (!delegate.isStarted()) {
            delegate.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }

    @Override
    public String convert(ILoggingEvent event) {
        String previous = reporter.enter(event.getLoggerName());
        try {
            String text = scrubber.scrub(delegate.convert(event));
            if (startOnNewLine && text != null && !text.isEmpty()) {
                return CoreConstants.LINE_SEPARATOR + text;
            }
            return text;
        } catch (RuntimeException | Error e) { // includes a StackOverflowError on an absurdly deep cause chain
            reporter.failed("an exception", e);
            return FailPolicy.PLACEHOLDER_TEXT + CoreConstants.LINE_SEPARATOR;
        } finally {
            reporter.exit(previous);
        }
    }
}
