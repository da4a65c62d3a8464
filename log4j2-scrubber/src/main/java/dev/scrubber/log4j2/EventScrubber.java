package dev.scrubber.log4j2;

import dev.scrubber.core.FailPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.message.ReusableSimpleMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.spi.MutableThreadContextStack;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.StringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * The work of {@link ScrubbingPolicy}. A first pass reads every surface a layout may print (formatted message,
 * parameters, map values, context map and stack, exception graph) into a per-thread buffer and scrubs it there;
 * clean events come back as they are, without allocation for the text surfaces. Dirty events are rebuilt as an
 * immutable {@link Log4jLogEvent} that shares nothing mutable with the source, which may be a reused event.
 */
final class EventScrubber {
    private static final int MAX_RETAINED_BUFFER = 64 * 1024;
    private static final Object[] NO_PARAMETERS = new Object[0];

    private final ScrubberRuntime runtime;
    private final ThrowableScrubber throwables;
    private final ThreadLocal<Scan> scans = new ThreadLocal<>();

    EventScrubber(ScrubberRuntime runtime) {
        this.runtime = runtime;
        this.throwables = new ThrowableScrubber(runtime);
    }

    /** The event itself when clean, else a scrubbed immutable copy. Never throws, never returns null. */
    LogEvent rewrite(LogEvent event) {
        if (event == null) {
            return null;
        }
        String previous = runtime.enter(event.getLoggerName());
        try {
            runtime.rememberMessage(null);
            if (!needsScrubbing(event)) {
                return event;
            }
            return scrubbedCopy(event);
        } catch (Throwable t) {
            runtime.failed("scrubbing an event", t);
            return placeholderEvent(event);
        } finally {
            runtime.exit(previous);
        }
    }

    // ---- first pass: is anything to be masked? -------------------------------------------------------------

    /**
     * Per-thread scratch state of the first pass, and what this component found clean on earlier events of the
     * thread: the context-map entries (compared by identity of key and value strings, position by position, so a
     * changed or copied map only rescans the entries that differ) and the placeholder count of each message
     * format. Forgotten when the engine's version changes (a known secret added at run time). Bounded: 32 context
     * entries, 256 formats of at most 512 characters.
     */
    private static final class Scan {
        private static final int MAX_CONTEXT_ENTRIES = 32;
        private static final int FORMAT_SLOTS = 256;
        private static final int MAX_FORMAT_LENGTH = 512; // bounds what a thread retains: 256 x 512 chars

        /** The formatted message, kept while the parameters are checked against it. */
        StringBuilder message = new StringBuilder(256);
        /** Scratch for every other text. */
        StringBuilder buffer = new StringBuilder(256);
        boolean dirty;
        boolean busy;
        EventScrubber owner;
        /** Parameters below this index were formatted into placeholders of the message by Log4j itself (-1: not yet known). */
        int shownParameters;
        /** The message whose parameters are being checked. */
        Message current;
        /** Where the next string parameter is looked for in {@link #message}. */
        int searchFrom;

        long version = Long.MIN_VALUE;
        final String[] contextKeys = new String[MAX_CONTEXT_ENTRIES];
        final Object[] contextValues = new Object[MAX_CONTEXT_ENTRIES];
        int contextPosition;
        final String[] formats = new String[FORMAT_SLOTS];
        final int[] placeholders = new int[FORMAT_SLOTS];
        /** Constant messages found clean (see {@link #constantFormat}), by identity of their format string. */
        final String[] cleanMessages = new String[FORMAT_SLOTS];

        /** Starts an event: forgets what was found clean if the engine changed since. */
        void validate(long engineVersion) {
            if (engineVersion != version) {
                Arrays.fill(contextKeys, null);
                Arrays.fill(contextValues, null);
                Arrays.fill(cleanMessages, null);
                version = engineVersion;
            }
        }

        boolean isCleanMessage(String format) {
            return cleanMessages[System.identityHashCode(format) & (FORMAT_SLOTS - 1)] == format;
        }

        void rememberCleanMessage(String format) {
            if (format.length() <= MAX_FORMAT_LENGTH) {
                cleanMessages[System.identityHashCode(format) & (FORMAT_SLOTS - 1)] = format;
            }
        }

        void scrubBuffer() {
            if (owner.runtime.inPlace(buffer, 0) != 0) {
                dirty = true;
            }
        }

        void object(Object value) {
            if (dirty || value == null || isImmutableScalar(value)) {
                return;
            }
            try {
                if (value instanceof Throwable t) {
                    dirty = owner.throwables.needsScrubbing(t);
                    return;
                }
                buffer.setLength(0);
                if (value instanceof CharSequence cs) {
                    buffer.append(cs);
                } else if (value instanceof StringBuilderFormattable f) {
                    f.formatTo(buffer);
                } else {
                    buffer.append(value);
                }
                scrubBuffer();
            } catch (Throwable e) {
                dirty = true;
            }
        }

        /**
         * A parameter of a message whose formatted text was scanned clean: skipped when that text already shows
         * it (a string it contains; any other value Log4j formatted into a placeholder, without calling its
         * {@code toString()} again); else checked like any value.
         */
        void parameter(Object value, int index) {
            if (dirty || value == null || isImmutableScalar(value)) {
                return;
            }
            if (value instanceof String s) {
                int at = message.indexOf(s, searchFrom);
                if (at < 0 && searchFrom > 0) {
                    at = message.indexOf(s);
                }
                if (at >= 0) {
                    searchFrom = at + s.length();
                    return;
                }
            } else if (!(value instanceof Throwable)) {
                if (shownParameters < 0) {
                    shownParameters = EventScrubber.shownParameters(current, this);
                }
                if (index < shownParameters) {
                    return;
                }
            }
            object(value);
        }

        void value(String key, Object value) {
            if (dirty || value == null) {
                return;
            }
            if (owner.runtime.isSensitiveKey(key) && !(value instanceof String s && s.isEmpty())) {
                dirty = true;
                return;
            }
            object(value);
        }

        /** A context-map entry: skipped when identical to the clean one at this position on an earlier event. */
        void contextEntry(String key, Object value) {
            int i = contextPosition++;
            if (dirty) {
                return;
            }
            if (i < MAX_CONTEXT_ENTRIES && contextKeys[i] == key && contextValues[i] == value && key != null) {
                return;
            }
            value(key, value);
            if (!dirty && i < MAX_CONTEXT_ENTRIES && (value == null || value instanceof String)) {
                contextKeys[i] = key; // strings are immutable: the same instance is the same text
                contextValues[i] = value;
            }
        }

        /** How many placeholders Log4j fills in {@code format}; remembered per format instance. */
        int placeholdersOf(String format) {
            if (format == null) {
                return 0;
            }
            int slot = System.identityHashCode(format) & (FORMAT_SLOTS - 1);
            if (formats[slot] == format) {
                return placeholders[slot];
            }
            int count = countPlaceholders(format);
            if (format.length() <= MAX_FORMAT_LENGTH) {
                formats[slot] = format;
                placeholders[slot] = count;
            }
            return count;
        }
    }

    /**
     * Log4j's placeholder count: a {@code {}} counts unless an odd number of backslashes precedes it (Log4j's
     * escape toggles with each backslash).
     */
    static int countPlaceholders(String format) {
        int count = 0;
        int i = 0;
        while (true) {
            int j = format.indexOf("{}", i);
            if (j < 0) {
                return count;
            }
            int backslashes = 0;
            for (int k = j - 1; k >= i && format.charAt(k) == '\\'; k--) {
                backslashes++;
            }
            if ((backslashes & 1) == 0) {
                count++;
                i = j + 2;
            } else {
                i = j + 1;
            }
        }
    }

    private static final ParameterConsumer<Scan> PARAMETER_CHECK = (parameter, index, scan) ->
            scan.parameter(parameter, index);
    private static final TriConsumer<String, Object, Scan> VALUE_CHECK = (key, value, scan) -> scan.value(key, value);
    private static final TriConsumer<String, Object, Scan> CONTEXT_CHECK = (key, value, scan) ->
            scan.contextEntry(key, value);
    /** Log4j's async event, a message formatted by Log4j itself; absent without the LMAX disruptor. */
    private static final Class<?> RING_BUFFER_EVENT = classOrNull("org.apache.logging.log4j.core.async.RingBufferLogEvent");

    private static Class<?> classOrNull(String name) {
        try {
            return Class.forName(name, false, EventScrubber.class.getClassLoader());
        } catch (Throwable t) {
            return null;
        }
    }

    private boolean needsScrubbing(LogEvent event) {
        Scan scan = acquire();
        try {
            check(event, scan);
            return scan.dirty;
        } catch (Throwable t) {
            return true; // the copy step meets the same problem and writes a placeholder for it
        } finally {
            release(scan);
        }
    }

    private void check(LogEvent event, Scan scan) {
        Message message = event.getMessage();
        if (message instanceof MapMessage<?, ?> map) {
            map.forEach(VALUE_CHECK, scan); // key-aware: a password value is masked whatever it looks like
        }
        if (message != null) {
            scan.message.setLength(0);
            if (message instanceof StringBuilderFormattable f) {
                f.formatTo(scan.message);
            } else {
                scan.message.append(message.getFormattedMessage());
            }
            // A constant message (no parameters: its text is its format string) found clean once, with nothing open
            // in the continuation stage before or after, is clean again; everything else is scanned, as the next
            // text of the event's logger and thread (a secret split over wire-log chunks is masked).
            String constant = constantFormat(message, scan.message);
            boolean idle = constant != null && runtime.idle();
            if (!(idle && scan.isCleanMessage(constant))) {
                if (runtime.inPlace(event, scan.message, 0) != 0) {
                    scan.dirty = true;
                    runtime.rememberMessage(scan.message.toString());
                } else if (idle && runtime.idle()) {
                    scan.rememberCleanMessage(constant);
                }
            }
            if (!scan.dirty && !(message instanceof MapMessage)) {
                checkParameters(message, scan);
            }
        }
        if (!scan.dirty) {
            ReadOnlyStringMap context = event.getContextData();
            if (context != null && !context.isEmpty()) {
                scan.contextPosition = 0;
                context.forEach(CONTEXT_CHECK, scan);
            }
        }
        if (!scan.dirty) {
            ThreadContext.ContextStack stack = event.getContextStack();
            if (stack != null && stack.getDepth() > 0) {
                for (String item : stack.asList()) {
                    scan.object(item);
                }
            }
        }
        if (!scan.dirty && event.getThrown() != null) {
            scan.dirty = throwables.needsScrubbing(event.getThrown());
        }
    }

    /** The parameters of a message whose formatted text in {@code scan.message} was found clean. */
    private static void checkParameters(Message message, Scan scan) {
        Class<?> type = message.getClass();
        if ((type == MutableLogEvent.class || type == RING_BUFFER_EVENT || type == ReusableParameterizedMessage.class)
                && ((ReusableMessage) message).getParameterCount() == 0) {
            return; // these visit exactly getParameterCount() parameters: a plain message has none to check
        }
        scan.searchFrom = 0;
        scan.shownParameters = -1; // worked out only if a parameter needs it
        scan.current = message;
        try {
            if (message instanceof ParameterVisitable visitable) {
                visitable.forEachParameter(PARAMETER_CHECK, scan);
            } else {
                Object[] parameters = message.getParameters();
                if (parameters != null) {
                    for (int i = 0; i < parameters.length; i++) {
                        scan.parameter(parameters[i], i);
                    }
                }
            }
        } finally {
            scan.current = null;
        }
    }

    /**
     * How many parameters Log4j formatted into placeholders of {@code message}'s text: those of its own
     * parameterized messages, and of its events that hold what such a message formatted (their text must start
     * with the format's literal prefix); 0 for any other message, whose parameters are then all checked.
     */
    @SuppressWarnings("deprecation") // Message.getFormat(): still how Log4j's own messages expose their pattern
    private static int shownParameters(Message message, Scan scan) {
        Class<?> type = message.getClass();
        if (type == ParameterizedMessage.class || type == ReusableParameterizedMessage.class) {
            return scan.placeholdersOf(message.getFormat());
        }
        if (type == MutableLogEvent.class || type == RING_BUFFER_EVENT) {
            String format = message.getFormat();
            return startsWithLiteralPrefix(scan.message, format) ? scan.placeholdersOf(format) : 0;
        }
        return 0;
    }

    /** Whether {@code text} starts with {@code format}'s characters before its first brace or backslash. */
    private static boolean startsWithLiteralPrefix(StringBuilder text, String format) {
        if (format == null) {
            return false;
        }
        int n = format.length();
        for (int i = 0; i < n; i++) {
            char c = format.charAt(i);
            if (c == '{' || c == '\\') {
                return true;
            }
            if (i >= text.length() || text.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    /**
     * The format string of a message whose formatted text is that string itself (a simple or parameterized message
     * with nothing substituted), else null. Only Log4j's own message and event types, whose {@code getFormat()}
     * returns the string they hold without formatting anything; the comparison makes a wrong skip impossible.
     */
    @SuppressWarnings("deprecation") // Message.getFormat: deprecated in 2.24 for users, kept in every 2.x
    private static String constantFormat(Message message, StringBuilder formatted) {
        Class<?> type = message.getClass();
        if (type != MutableLogEvent.class && type != RING_BUFFER_EVENT && type != SimpleMessage.class
                && type != ReusableSimpleMessage.class && type != ParameterizedMessage.class
                && type != ReusableParameterizedMessage.class) {
            return null; // the event types hold the format they were given; the message types, their own
        }
        String format = message.getFormat();
        return format != null && format.length() == formatted.length() && format.contentEquals(formatted)
                ? format : null;
    }

    private Scan acquire() {
        Scan scan = Constants.ENABLE_THREADLOCALS ? scans.get() : null;
        if (scan == null || scan.busy) {
            scan = new Scan();
            if (Constants.ENABLE_THREADLOCALS && scans.get() == null) {
                scans.set(scan);
            }
        }
        scan.busy = true;
        scan.dirty = false;
        scan.owner = this;
        scan.validate(runtime.version()); // read before scanning: a change meanwhile only makes memory stale
        return scan;
    }

    private static void release(Scan scan) {
        scan.busy = false;
        scan.buffer = released(scan.buffer);
        scan.message = released(scan.message);
    }

    private static StringBuilder released(StringBuilder buffer) {
        if (buffer.capacity() > MAX_RETAINED_BUFFER) {
            return new StringBuilder(256); // do not pin a huge message's buffer to the thread
        }
        buffer.setLength(0); // the buffer held scrubbed text only, but keep nothing around
        return buffer;
    }

    static boolean isImmutableScalar(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Boolean || value instanceof Double
                || value instanceof Float || value instanceof Short || value instanceof Byte || value instanceof Character
                || value instanceof Enum<?>;
    }

    // ---- second pass: the scrubbed copy ---------------------------------------------------------------------

    private LogEvent scrubbedCopy(LogEvent event) {
        int failuresBefore = runtime.failuresOnThisThread();
        Throwable original = event.getThrown();
        Throwable thrown = throwables.scrub(original);
        Message message = scrubMessage(event.getMessage(), original, thrown);
        if (runtime.failPolicy() == FailPolicy.WHOLE_MESSAGE && runtime.failuresOnThisThread() != failuresBefore) {
            message = new ScrubbedMessage(ScrubberRuntime.PLACEHOLDER, NO_PARAMETERS, null);
            thrown = null;
        }
        Log4jLogEvent.Builder builder = new Log4jLogEvent.Builder()
                .setLoggerName(event.getLoggerName())
                .setLoggerFqcn(event.getLoggerFqcn())
                .setMarker(event.getMarker())
                .setLevel(event.getLevel())
                .setMessage(message)
                .setThrown(thrown)
                .setContextData(scrubContext(event.getContextData()))
                .setContextStack(scrubStack(event.getContextStack()))
                .setThreadName(event.getThreadName())
                .setThreadId(event.getThreadId())
                .setThreadPriority(event.getThreadPriority())
                .setInstant(event.getInstant())
                .setNanoTime(event.getNanoTime())
                .setEndOfBatch(event.isEndOfBatch())
                .setIncludeLocation(event.isIncludeLocation());
        if (event.isIncludeLocation()) {
            builder.setSource(event.getSource());
        }
        return builder.build();
    }

    private Message scrubMessage(Message message, Throwable originalThrown, Throwable thrown) {
        if (message == null) {
            return null;
        }
        if (message instanceof MapMessage<?, ?> map) {
            try {
                return scrubMap(map);
            } catch (Throwable t) {
                runtime.failed("copying a map message", t);
            }
        }
        String text = runtime.takeMessage(); // what the first pass scrubbed, continuations included
        boolean continued = text != null;
        try {
            text = continued ? text : runtime.text(message.getFormattedMessage());
        } catch (Throwable t) {
            runtime.failed("formatting a message", t);
            text = ScrubberRuntime.PLACEHOLDER;
        }
        Object[] parameters = scrubParameters(message, originalThrown, thrown);
        return new ScrubbedMessage(text, continued ? shownIn(parameters, text) : parameters, thrown);
    }

    private Object[] scrubParameters(Message message, Throwable originalThrown, Throwable thrown) {
        List<Object> raw = new ArrayList<>();
        try {
            if (message instanceof ParameterVisitable visitable) {
                visitable.forEachParameter((parameter, index, list) -> list.add(parameter), raw);
            } else if (message.getParameters() != null) {
                raw.addAll(Arrays.asList(message.getParameters()));
            }
        } catch (Throwable t) {
            runtime.failed("reading message parameters", t);
            return NO_PARAMETERS;
        }
        Object[] out = new Object[raw.size()];
        for (int i = 0; i < out.length; i++) {
            Object p = raw.get(i);
            if (p == null || isImmutableScalar(p)) {
                out[i] = p;
            } else if (p instanceof Throwable t) {
                out[i] = t == originalThrown ? thrown : throwables.scrub(t);
            } else {
                out[i] = runtime.text(stringOf(p));
            }
        }
        return out;
    }

    /**
     * The parameters whose text the scrubbed message shows; the others (the raw chunk of a secret whose start was in
     * the previous event) become the placeholder, so a layout printing parameters shows nothing the message hides.
     */
    private static Object[] shownIn(Object[] parameters, String message) {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof String s && !message.contains(s)) {
                parameters[i] = ScrubberRuntime.PLACEHOLDER;
            }
        }
        return parameters;
    }

    /**
     * A map message of the same kind (via {@code newInstance}, which keeps a structured-data id and text) with
     * scrubbed values; if its rendering still holds a secret (the free text of a structured-data message), a
     * plain message with the scrubbed rendering instead.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Message scrubMap(MapMessage<?, ?> map) {
        boolean stringsOnly = map instanceof StructuredDataMessage;
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Object v = scrubMapValue(key, value);
            values.put(key, stringsOnly && v != null ? String.valueOf(v) : v);
        });
        Message copy = ((MapMessage) map).newInstance(values);
        String rendered = copy.getFormattedMessage();
        String scrubbed = runtime.text(rendered);
        return scrubbed == rendered ? copy : new ScrubbedMessage(scrubbed, NO_PARAMETERS, null);
    }

    private Object scrubMapValue(String key, Object value) {
        if (value == null || (isImmutableScalar(value) && !runtime.isSensitiveKey(key))) {
            return value;
        }
        return runtime.value(key, stringOf(value));
    }

    private StringMap scrubContext(ReadOnlyStringMap context) {
        SortedArrayStringMap copy = new SortedArrayStringMap(context == null ? 0 : context.size());
        if (context != null) {
            try {
                context.forEach((String key, Object value) -> copy.putValue(key, scrubMapValue(key, value)));
            } catch (Throwable t) {
                runtime.failed("copying the context map", t);
                copy.clear();
            }
        }
        copy.freeze();
        return copy;
    }

    private ThreadContext.ContextStack scrubStack(ThreadContext.ContextStack stack) {
        if (stack == null || stack.getDepth() == 0) {
            return stack;
        }
        List<String> items = new ArrayList<>();
        for (String item : stack.asList()) {
            items.add(runtime.text(item));
        }
        MutableThreadContextStack copy = new MutableThreadContextStack(items);
        copy.freeze();
        return copy;
    }

    private String stringOf(Object value) {
        try {
            return String.valueOf(value);
        } catch (Throwable t) {
            runtime.failed("rendering a value", t);
            return ScrubberRuntime.PLACEHOLDER;
        }
    }

    /** Last resort when even the copy failed: the event's identity with nothing of its text. */
    private LogEvent placeholderEvent(LogEvent event) {
        try {
            return new Log4jLogEvent.Builder()
                    .setLoggerName(event.getLoggerName())
                    .setLoggerFqcn(event.getLoggerFqcn())
                    .setLevel(event.getLevel())
                    .setMarker(event.getMarker())
                    .setMessage(new ScrubbedMessage(ScrubberRuntime.PLACEHOLDER, NO_PARAMETERS, null))
                    .setThreadName(event.getThreadName())
                    .setInstant(event.getInstant())
                    .build();
        } catch (Throwable t) {
            return new Log4jLogEvent.Builder()
                    .setMessage(new ScrubbedMessage(ScrubberRuntime.PLACEHOLDER, NO_PARAMETERS, null))
                    .build();
        }
    }
}
