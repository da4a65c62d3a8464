package dev.scrubber.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.scrubber.core.Continuations;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Scrubber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.MessageFormatter;

/**
 * Turns an event into one that holds no secret: the same instance when nothing needed masking, else an immutable
 * {@link ScrubbedEvent}. Never throws: a part that cannot be scrubbed becomes {@link FailPolicy#PLACEHOLDER_TEXT}
 * (with {@link FailPolicy#WHOLE_MESSAGE}, the whole message, and the exception is dropped).
 */
final class EventScrubber {
    private final Scrubber scrubber;
    private final StatusReporter reporter;
    private final FailPolicy failPolicy;
    private final ThrowableScrubber throwables;
    /** Per thread: what this component found clean on earlier events (MDC entries, templates, markers). */
    private final ThreadLocal<CleanMemo> memos = ThreadLocal.withInitial(CleanMemo::new);
    /** Masks a secret split over consecutive messages of one logger and thread (wire logs); may be null. */
    private final Continuations continuations;

    EventScrubber(Scrubber scrubber, StatusReporter reporter, FailPolicy failPolicy) {
        this(scrubber, reporter, failPolicy, null);
    }

    EventScrubber(Scrubber scrubber, StatusReporter reporter, FailPolicy failPolicy, Continuations continuations) {
        this.continuations = continuations;
        this.scrubber = scrubber;
        this.reporter = reporter;
        this.failPolicy = failPolicy;
        this.throwables = new ThrowableScrubber(scrubber, reporter);
    }

    ILoggingEvent scrub(ILoggingEvent event) {
        String previous = reporter.enter(event.getLoggerName());
        try {
            return scrubAttributed(event);
        } catch (RuntimeException | Error e) {
            reporter.failed("an event", e);
            return placeholder(event);
        } finally {
            reporter.exit(previous);
        }
    }

    /** The event with every text surface replaced by the placeholder; level, logger, thread and time kept. */
    static ILoggingEvent placeholder(ILoggingEvent event) {
        return new ScrubbedEvent(event, FailPolicy.PLACEHOLDER_TEXT, null, FailPolicy.PLACEHOLDER_TEXT,
                Collections.emptyMap(), null, null, null);
    }

    private ILoggingEvent scrubAttributed(ILoggingEvent event) {
        CleanMemo memo = memos.get();
        if (memo.busy) {
            memo = new CleanMemo(); // re-entered on this thread (a listener that logs): remember nothing
        } else {
            memo.busy = true;
        }
        try {
            memo.validate(scrubber.version()); // read before scanning: a change meanwhile only makes memory stale
            return scrubAttributed(event, memo);
        } finally {
            memo.busy = false;
        }
    }

    private ILoggingEvent scrubAttributed(ILoggingEvent event, CleanMemo memo) {
        boolean failed = false;

        // ---- the message: formatted text, template, arguments ----
        String formatted;
        String scrubbedFormatted;
        try {
            formatted = event.getFormattedMessage();
            // A message without arguments is its template, a string constant: found clean once (and nothing open
            // in the continuation stage before or after), it is clean again. Everything else is scanned.
            boolean constant = formatted != null && formatted == event.getMessage();
            boolean idle = constant && (continuations == null || continuations.idle());
            if (idle && memo.isCleanMessage(formatted)) {
                scrubbedFormatted = formatted;
            } else {
                scrubbedFormatted = continuations == null ? scrubber.scrub(formatted)
                        : continuations.scrub(event.getLoggerName(), event.getThreadName(), formatted);
                if (idle && scrubbedFormatted == formatted && (continuations == null || continuations.idle())) {
                    memo.rememberCleanMessage(formatted);
                }
            }
        } catch (RuntimeException | Error e) {
            reporter.failed("a message", e);
            formatted = null;
            scrubbedFormatted = FailPolicy.PLACEHOLDER_TEXT;
            failed = true;
        }
        String template = event.getMessage();
        String scrubbedTemplate;
        Object[] args = event.getArgumentArray();
        Object[] scrubbedArgs;
        if (!failed && scrubbedFormatted == formatted) {
            // Clean formatted message: scan only what it does not already show.
            scrubbedTemplate = template == formatted ? template : scrubTemplate(template, memo);
            if (scrubbedTemplate == null && template != null) {
                scrubbedTemplate = FailPolicy.PLACEHOLDER_TEXT;
                failed = true;
            }
            scrubbedArgs = scrubArgumentsNotShown(event, args, template, formatted);
        } else {
            // Template and arguments repeat what the formatted message shows: when it was masked, their maskings
            // are the same secrets and are not reported again.
            reporter.mute(scrubbedFormatted != formatted);
            try {
                try {
                    scrubbedTemplate = scrubber.scrub(template);
                } catch (RuntimeException | Error e) {
                    reporter.failed("a message", e);
                    scrubbedTemplate = FailPolicy.PLACEHOLDER_TEXT;
                    failed = true;
                }
                scrubbedArgs = scrubArguments(args);
            } finally {
                reporter.mute(false);
            }
        }

        // ---- the other surfaces ----
        Map<String, String> mdc = event.getMDCPropertyMap();
        Map<String, String> scrubbedMdc = scrubMdc(mdc, memo);
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        List<KeyValuePair> scrubbedPairs = scrubPairs(pairs);
        List<Marker> markers = event.getMarkerList();
        List<Marker> scrubbedMarkers = scrubMarkers(markers, memo);
        IThrowableProxy proxy = event.getThrowableProxy();
        IThrowableProxy scrubbedProxy;
        try {
            scrubbedProxy = throwables.scrub(proxy);
        } catch (RuntimeException | Error e) {
            reporter.failed("an exception", e);
            scrubbedProxy = null;
            failed = true;
        }

        boolean messageClean = !failed && scrubbedFormatted == formatted && scrubbedTemplate == template
                && scrubbedArgs == args;
        if (messageClean && scrubbedMdc == mdc && scrubbedPairs == pairs && scrubbedMarkers == markers
                && scrubbedProxy == proxy) {
            return event;
        }
        if (failed && failPolicy == FailPolicy.WHOLE_MESSAGE) {
            return new ScrubbedEvent(event, FailPolicy.PLACEHOLDER_TEXT, null, FailPolicy.PLACEHOLDER_TEXT,
                    scrubbedMdc, scrubbedPairs, scrubbedMarkers, null);
        }
        String outTemplate = scrubbedTemplate;
        Object[] outArgs = scrubbedArgs;
        if (!messageClean && !formatsTo(scrubbedTemplate, scrubbedArgs, scrubbedFormatted)) {
            // The secret was split between template and arguments (or formatting failed): whoever re-formats
            // template + arguments (LoggingEventVO, serialization) must get the scrubbed message back.
            outTemplate = scrubbedFormatted;
            outArgs = scrubbedFormatted != null && scrubbedFormatted.contains("{}") ? null
                    : argumentsShownIn(scrubbedArgs, scrubbedFormatted);
        }
        return new ScrubbedEvent(event, outTemplate, outArgs, scrubbedFormatted, scrubbedMdc, scrubbedPairs,
                scrubbedMarkers, scrubbedProxy);
    }

    /**
     * The template of an event whose formatted message is clean: the same instance when it was found clean on an
     * earlier event of this thread (templates are string constants) or is clean now; else its scrubbed text, or
     * null when scrubbing failed (reported).
     */
    private String scrubTemplate(String template, CleanMemo memo) {
        if (template == null || memo.isCleanTemplate(template)) {
            return template;
        }
        try {
            String scrubbed = scrubber.scrub(template);
            if (scrubbed == template) {
                memo.rememberCleanTemplate(template);
            }
            return scrubbed;
        } catch (RuntimeException | Error e) {
            reporter.failed("a message", e);
            return null;
        }
    }

    /**
     * The arguments of an event whose formatted message was scanned and found clean: an argument that message
     * already shows cannot reveal anything more and is not scanned again; the others (beyond the placeholders, a
     * throwable, a string the message does not contain) are scrubbed as usual. A string argument counts as shown
     * when the message contains it. Any other argument counts as shown, without calling its {@code toString()} a
     * second time, only where Logback's own {@link LoggingEvent} formatted it into a placeholder; for other event
     * types (deserialized, hand-built) its text is rendered and scrubbed.
     */
    private Object[] scrubArgumentsNotShown(ILoggingEvent event, Object[] args, String template, String formatted) {
        if (args == null || args.length == 0) {
            return args;
        }
        int substituted = event.getClass() == LoggingEvent.class && formatted != null && formatted != template
                ? substitutedArguments(template, args.length) : 0;
        Object[] out = null;
        int from = 0;
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (cannotHoldText(arg)) {
                continue;
            }
            if (arg instanceof String s && formatted != null) {
                int at = formatted.indexOf(s, from);
                if (at < 0 && from > 0) {
                    at = formatted.indexOf(s);
                }
                if (at >= 0) {
                    from = at + s.length();
                    continue;
                }
            } else if (i < substituted && !(arg instanceof Throwable)) {
                continue;
            }
            Object scrubbed = scrubArgument(arg);
            if (scrubbed != arg) {
                if (out == null) {
                    out = args.clone();
                }
                out[i] = scrubbed;
            }
        }
        return out == null ? args : out;
    }

    /**
     * How many arguments SLF4J's {@code MessageFormatter} puts into placeholders of {@code template}: a
     * {@code {}} preceded by one backslash is escaped and not a placeholder; by two, it is one.
     */
    static int substitutedArguments(String template, int argumentCount) {
        if (template == null) {
            return 0;
        }
        int count = 0;
        int i = 0;
        while (count < argumentCount) {
            int j = template.indexOf("{}", i);
            if (j < 0) {
                break;
            }
            if (j >= 1 && template.charAt(j - 1) == '\\' && !(j >= 2 && template.charAt(j - 2) == '\\')) {
                i = j + 1; // escaped delimiter
                continue;
            }
            count++;
            i = j + 2;
        }
        return count;
    }

    /**
     * Keeps the arguments whose text appears in the scrubbed message, so they reveal nothing it does not; the
     * others may be the part of a split secret that the message no longer shows, and become the placeholder.
     */
    private static Object[] argumentsShownIn(Object[] args, String scrubbedMessage) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (cannotHoldText(out[i])) {
                continue;
            }
            String text;
            try {
                text = render(out[i]);
            } catch (RuntimeException | Error e) {
                text = null;
            }
            if (text == null || !scrubbedMessage.contains(text)) {
                out[i] = FailPolicy.PLACEHOLDER_TEXT;
            }
        }
        return out;
    }

    private static boolean formatsTo(String template, Object[] args, String expected) {
        if (args == null) {
            return java.util.Objects.equals(template, expected);
        }
        try {
            return java.util.Objects.equals(MessageFormatter.arrayFormat(template, args, null).getMessage(), expected);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The same array when every argument is clean; dirty arguments become their scrubbed text. */
    private Object[] scrubArguments(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = null;
        for (int i = 0; i < args.length; i++) {
            Object scrubbed = scrubArgument(args[i]);
            if (scrubbed != args[i]) {
                if (out == null) {
                    out = args.clone();
                }
                out[i] = scrubbed;
            }
        }
        return out == null ? args : out;
    }

    private Object scrubArgument(Object arg) {
        if (cannotHoldText(arg)) {
            return arg;
        }
        try {
            String text = render(arg);
            String scrubbed = scrubber.scrub(text);
            return scrubbed == text ? arg : scrubbed;
        } catch (RuntimeException | Error e) {
            reporter.failed("a message argument", e); // includes a toString() that throws
            return FailPolicy.PLACEHOLDER_TEXT;
        }
    }

    /** Values whose text is digits, booleans or ids: skipped, so clean events allocate nothing for them. */
    private static boolean cannotHoldText(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof UUID;
    }

    /** The text SLF4J would print for the value (arrays element by element). */
    private static String render(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value.getClass().isArray()) {
            return MessageFormatter.arrayFormat("{}", new Object[] {value}, null).getMessage();
        }
        return String.valueOf(value);
    }

    /** The same map when clean; else an unmodifiable copy with scrubbed keys and key-aware scrubbed values. */
    private Map<String, String> scrubMdc(Map<String, String> mdc, CleanMemo memo) {
        if (mdc == null || mdc.isEmpty() || isClean(mdc, memo)) {
            return mdc;
        }
        Map<String, String> out = null;
        for (Map.Entry<String, String> e : mdc.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            String scrubbedKey;
            String scrubbedValue;
            try {
                scrubbedKey = scrubber.scrub(key);
                scrubbedValue = scrubber.scrubValue(key, value);
            } catch (RuntimeException | Error ex) {
                reporter.failed("an MDC value", ex);
                scrubbedKey = key;
                scrubbedValue = FailPolicy.PLACEHOLDER_TEXT;
            }
            if (scrubbedKey != key || scrubbedValue != value) {
                if (out == null) {
                    out = new HashMap<>(mdc);
                }
                out.remove(key);
                out.put(scrubbedKey, scrubbedValue);
            }
        }
        return out == null ? mdc : Collections.unmodifiableMap(out);
    }

    /** Whether no MDC entry needs masking (see {@link CleanMemo#isClean}); a failure takes the full pass. */
    private boolean isClean(Map<String, String> mdc, CleanMemo memo) {
        reporter.mute(true);
        try {
            return memo.isClean(mdc, scrubber);
        } catch (RuntimeException | Error e) {
            return false; // the full pass reports it and writes the placeholder
        } finally {
            reporter.mute(false);
        }
    }

    private List<KeyValuePair> scrubPairs(List<KeyValuePair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return pairs;
        }
        List<KeyValuePair> out = null;
        for (int i = 0; i < pairs.size(); i++) {
            KeyValuePair pair = pairs.get(i);
            KeyValuePair scrubbed = scrubPair(pair);
            if (scrubbed != pair) {
                if (out == null) {
                    out = new ArrayList<>(pairs);
                }
                out.set(i, scrubbed);
            }
        }
        return out == null ? pairs : Collections.unmodifiableList(out);
    }

    private KeyValuePair scrubPair(KeyValuePair pair) {
        if (pair == null) {
            return null;
        }
        try {
            String key = pair.key;
            String scrubbedKey = scrubber.scrub(key);
            Object value = pair.value;
            Object scrubbedValue = value;
            if (!cannotHoldText(value) || (value != null && scrubber.isSensitiveKey(key))) {
                String text = render(value);
                String masked = scrubber.scrubValue(key, text);
                scrubbedValue = masked == text ? value : masked;
            }
            if (scrubbedKey == key && scrubbedValue == value) {
                return pair;
            }
            return new KeyValuePair(scrubbedKey, scrubbedValue);
        } catch (RuntimeException | Error e) {
            reporter.failed("a key-value pair", e);
            return new KeyValuePair(pair.key, FailPolicy.PLACEHOLDER_TEXT);
        }
    }

    /**
     * Markers that carry values (logstash-logback-encoder's {@code append(...)}, for example) print them in their
     * text. A marker whose text holds a secret is replaced by a plain marker named after the scrubbed text: the
     * structured field is lost, the secret does not travel.
     */
    private List<Marker> scrubMarkers(List<Marker> markers, CleanMemo memo) {
        if (markers == null || markers.isEmpty()) {
            return markers;
        }
        List<Marker> out = null;
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            Marker scrubbed = marker;
            if (marker != null) {
                try {
                    String text = String.valueOf(marker);
                    if (!memo.isCleanMarker(i, text)) {
                        String masked = scrubber.scrub(text);
                        if (masked != text) {
                            scrubbed = MarkerFactory.getDetachedMarker(masked);
                        } else {
                            memo.rememberCleanMarker(i, text);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    reporter.failed("a marker", e);
                    scrubbed = MarkerFactory.getDetachedMarker(FailPolicy.PLACEHOLDER_TEXT);
                }
            }
            if (scrubbed != marker) {
                if (out == null) {
                    out = new ArrayList<>(markers);
                }
                out.set(i, scrubbed);
            }
        }
        return out == null ? markers : Collections.unmodifiableList(out);
    }
}
