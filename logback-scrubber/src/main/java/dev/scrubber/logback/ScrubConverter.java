package dev.scrubber.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.LineSeparatorConverter;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.CompositeConverter;
import ch.qos.logback.core.pattern.Converter;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Scrubber;

/**
 * The {@code %scrub(...)} conversion word: scrubs what its children print.
 *
 * <pre>{@code
 * <conversionRule conversionWord="scrub" class="dev.scrubber.logback.ScrubConverter"/>
 * <pattern>%scrub(%d %-5level [%thread] %logger - %msg%n%ex)</pattern>
 * }</pre>
 *
 * <p>Wrap the whole line, exception included. A shorter pattern such as {@code %scrub(%msg)} is also safe:
 * Logback would append an unscrubbed {@code %ex} to it, so this converter makes sure the exception is printed
 * scrubbed instead, and it also scrubs throwable converters ({@code %ex}, {@code %xEx} …) that follow it. It cannot
 * reach converters placed <em>before</em> it or outside an enclosing composite ({@code %highlight(%scrub(%msg))%ex}
 * prints the exception unscrubbed), so keep everything that can print logged text inside {@code %scrub}.
 *
 * <p>Options use the names of {@link ScrubbingAppender}, as {@code name=value} items of the option list, for
 * example {@code %scrub(%msg){maskStyle=full, disabledRules=jwt,github-pat}} (a value may continue after a comma);
 * custom rules are {@code "rule=<id>|<keywords>|<RE2 regex>"} (quote the item), and {@code listener=<class>}.
 */
public class ScrubConverter extends CompositeConverter<ILoggingEvent> {
    private Scrubber scrubber;
    private dev.scrubber.core.Continuations continuations;
    private StatusReporter reporter;
    private boolean childrenPrintThrowable;
    /** Set by an earlier {@code %scrub} in the same pattern that already arranged the scrubbed exception. */
    private boolean exceptionPrintedElsewhere;

    /** Called while the pattern is compiled, before Logback decides whether to append its own {@code %ex}. */
    @Override
    public void setChildConverter(Converter<ILoggingEvent> child) {
        childrenPrintThrowable = printsThrowable(child);
        if (!childrenPrintThrowable) {
            ThrowableSlot slot = new ThrowableSlot();
            if (child == null) {
                child = slot;
            } else {
                tail(child).setNext(slot);
            }
        }
        super.setChildConverter(child);
    }

    @Override
    public void start() {
        ScrubberOptions.Started started = ConverterOptions.parse(getOptionList(), this).start(this);
        if (started == null) {
            return; // not started: convert() writes the placeholder
        }
        scrubber = started.scrubber();
        continuations = started.continuations();
        reporter = started.reporter();
        try {
            secureFollowingThrowableConverters();
        } catch (RuntimeException e) {
            addError("%scrub could not arrange the scrubbed exception output (" + e + "); writing placeholders only.");
            return;
        }
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        if (!isStarted()) {
            return placeholder(childrenEndLine());
        }
        try {
            return super.convert(event);
        } catch (RuntimeException | Error e) {
            reporter.failed("the output of %scrub", e);
            return placeholder(childrenEndLine());
        }
    }

    @Override
    protected String transform(ILoggingEvent event, String in) {
        String previous = reporter.enter(event.getLoggerName());
        try {
            return continuations.scrub(event.getLoggerName(), event.getThreadName(), in);
        } catch (RuntimeException | Error e) {
            reporter.failed("the output of %scrub", e);
            return placeholder(in.endsWith("\n"));
        } finally {
            reporter.exit(previous);
        }
    }

    /** The placeholder, keeping the line break the children would have printed so lines stay lines. */
    private static String placeholder(boolean endLine) {
        return endLine ? FailPolicy.PLACEHOLDER_TEXT + CoreConstants.LINE_SEPARATOR : FailPolicy.PLACEHOLDER_TEXT;
    }

    private boolean childrenEndLine() {
        for (Converter<ILoggingEvent> c = getChildConverter(); c != null; c = c.getNext()) {
            if (c instanceof LineSeparatorConverter) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces every throwable converter that follows this one (also inside following composites) with a scrubbing
     * wrapper and, when none follows and the children print no exception, appends one where Logback would have
     * appended its own {@code %ex}. Logback starts converters in chain order after this method, so the
     * replacements are started too.
     */
    private void secureFollowingThrowableConverters() {
        boolean[] printed = {childrenPrintThrowable || exceptionPrintedElsewhere};
        secure(this, getNext(), printed);
        if (!printed[0]) {
            Converter<ILoggingEvent> last = tail(this);
            boolean newLine = !(last instanceof LineSeparatorConverter);
            ScrubbedThrowableConverter appended = new ScrubbedThrowableConverter(defaultThrowableConverter(),
                    scrubber, reporter, newLine);
            appended.setContext(getContext());
            last.setNext(appended);
        }
    }

    /**
     * Secures the chain that starts at {@code head}; {@code previous} is the converter before it, or null when
     * {@code head} is a composite's first child. Returns the (possibly replaced) head.
     */
    private Converter<ILoggingEvent> secure(Converter<ILoggingEvent> previous, Converter<ILoggingEvent> head,
            boolean[] printed) {
        Converter<ILoggingEvent> first = head;
        Converter<ILoggingEvent> before = previous;
        for (Converter<ILoggingEvent> c = head; c != null; before = c, c = c.getNext()) {
            if (c instanceof ThrowableSlot) {
                continue;
            }
            if (c instanceof ScrubbedThrowableConverter) {
                printed[0] = true;
            } else if (c instanceof ThrowableHandlingConverter t) {
                printed[0] = true;
                ScrubbedThrowableConverter wrapper = new ScrubbedThrowableConverter(t, scrubber, reporter, false);
                wrapper.setContext(getContext());
                if (c.getNext() != null) {
                    wrapper.setNext(c.getNext());
                }
                if (before == null) {
                    first = wrapper;
                } else if (!ConverterChain.replaceNext(before, wrapper)) {
                    addWarn("A throwable converter outside %scrub prints exceptions unscrubbed; move it inside %scrub.");
                    continue;
                }
                c = wrapper;
            } else if (c instanceof ScrubConverter scrub) {
                if (scrub.childrenPrintThrowable) {
                    printed[0] = true;
                } else {
                    scrub.exceptionPrintedElsewhere = true; // this converter takes care of it
                }
            } else if (c instanceof CompositeConverter<ILoggingEvent> composite) {
                Converter<ILoggingEvent> child = composite.getChildConverter();
                Converter<ILoggingEvent> secured = secure(null, child, printed);
                if (secured != child) {
                    composite.setChildConverter(secured);
                }
            }
        }
        return first;
    }

    private ThrowableHandlingConverter defaultThrowableConverter() {
        ThrowableHandlingConverter c = getContext() instanceof LoggerContext lc && lc.isPackagingDataEnabled()
                ? new ExtendedThrowableProxyConverter() : new ThrowableProxyConverter();
        c.setContext(getContext());
        return c;
    }

    /** Whether the chain (composites included) prints the exception; a {@link ThrowableSlot} does not. */
    private static boolean printsThrowable(Converter<ILoggingEvent> chain) {
        for (Converter<ILoggingEvent> c = chain; c != null; c = c.getNext()) {
            if (c instanceof ThrowableSlot) {
                continue;
            }
            if (c instanceof ThrowableHandlingConverter) {
                return true;
            }
            if (c instanceof CompositeConverter<ILoggingEvent> composite && printsThrowable(composite.getChildConverter())) {
                return true;
            }
        }
        return false;
    }

    private static Converter<ILoggingEvent> tail(Converter<ILoggingEvent> head) {
        Converter<ILoggingEvent> c = head;
        while (c.getNext() != null) {
            c = c.getNext();
        }
        return c;
    }
}
