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
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
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

    /** Per-thread scratch state of the first pass. */
    private static final class Scan {
        StringBuilder buffer = new StringBuilder(256);
        boolean dirty;
        boolean busy;
        EventScrubber owner;

        void text(CharSequence text) {
            buffer.setLength(0);
            buffer.append(text);
            scrubBuffer();
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
    }

    private static final ParameterConsumer<Scan> PARAMETER_CHECK = (parameter, index, scan) -> scan.object(parameter);
    private static final TriConsumer<String, Object, Scan> VALUE_CHECK = (key, value, scan) -> scan.value(key, value);

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
            scan.buffer.setLength(0);
            if (message instanceof StringBuilderFormattable f) {
                f.formatTo(scan.buffer);
            } else {
                scan.buffer.append(message.getFormattedMessage());
            }
            // As the next text of the event's logger and thread: a secret split over wire-log chunks is masked.
            if (runtime.inPlace(event, scan.buffer, 0) != 0) {
                scan.dirty = true;
                runtime.rememberMessage(scan.buffer.toString());
            }
            if (!scan.dirty && !(message instanceof MapMessage)) {
                if (message instanceof ParameterVisitable visitable) {
                    visitable.forEachParameter(PARAMETER_CHECK, scan);
                } else {
                    Object[] parameters = message.getParameters();
                    if (parameters != null) {
                        for (Object p : parameters) {
                            scan.object(p);
                        }
                    }
                }
            }
        }
        if (!scan.dirty) {
            ReadOnlyStringMap context = event.getContextData();
            if (context != null && !context.isEmpty()) {
                context.forEach(VALUE_CHECK, scan);
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
        return scan;
    }

    private static void release(Scan scan) {
        scan.busy = false;
        if (scan.buffer.capacity() > MAX_RETAINED_BUFFER) {
            scan.buffer = new StringBuilder(256); // do not pin a huge message's buffer to the thread
        } else {
            scan.buffer.setLength(0); // the buffer held scrubbed text only, but keep nothing around
        }
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
