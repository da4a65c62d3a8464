package dev.scrubber.logback;

import dev.scrubber.core.Scrubber;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * What one component last found clean on one thread, so that consecutive events do not scan it again: the MDC
 * entries (Logback hands out the same copy-on-write map, with the same key and value strings, until the MDC
 * changes), templates (string constants), and marker texts. Everything is compared by identity of immutable
 * strings, so a copied or changed map only costs a rescan of the entries that differ, never a wrong skip. All of
 * it is forgotten when the engine's {@link Scrubber#version()} changes (a known secret added at run time).
 * Bounded: 256 templates and 256 constant messages of at most 512 characters, 32 MDC entries, 8 markers.
 */
final class CleanMemo implements BiConsumer<String, String> {
    private static final int TEMPLATE_SLOTS = 256;
    private static final int MAX_TEMPLATE_LENGTH = 512; // bounds what a thread retains: 256 x 512 chars
    private static final int MAX_MDC_ENTRIES = 32;
    private static final int MAX_MARKERS = 8;

    private long version = Long.MIN_VALUE;
    private final String[] templates = new String[TEMPLATE_SLOTS];
    /** Messages without arguments (the template itself) found clean as a whole event's message, continuations included. */
    private final String[] messages = new String[TEMPLATE_SLOTS];
    private final String[] mdcKeys = new String[MAX_MDC_ENTRIES];
    private final String[] mdcValues = new String[MAX_MDC_ENTRIES];
    private final String[] markerTexts = new String[MAX_MARKERS];
    /** Whether an event of this thread is using the memo (a listener that logs re-enters on the same thread). */
    boolean busy;

    // state of one MDC pass
    private Scrubber scrubber;
    private int position;
    private boolean dirty;

    /** Starts an event: forgets everything if the engine changed since it was remembered. */
    void validate(long engineVersion) {
        if (engineVersion != version) {
            Arrays.fill(templates, null);
            Arrays.fill(messages, null);
            Arrays.fill(mdcKeys, null);
            Arrays.fill(mdcValues, null);
            Arrays.fill(markerTexts, null);
            version = engineVersion;
        }
    }

    boolean isCleanTemplate(String template) {
        return templates[slot(template)] == template;
    }

    void rememberCleanTemplate(String template) {
        if (template.length() <= MAX_TEMPLATE_LENGTH) {
            templates[slot(template)] = template;
        }
    }

    /**
     * Whether this constant message was found clean before: scanned as the message of an event (with the
     * continuation stage, when on) while the thread had no run open, and leaving none. Kept apart from the templates,
     * which are found clean by the engine alone.
     */
    boolean isCleanMessage(String message) {
        return messages[slot(message)] == message;
    }

    void rememberCleanMessage(String message) {
        if (message.length() <= MAX_TEMPLATE_LENGTH) {
            messages[slot(message)] = message;
        }
    }

    private static int slot(String s) {
        return System.identityHashCode(s) & (TEMPLATE_SLOTS - 1);
    }

    /** Whether the marker text at {@code index} equals the one found clean there before. */
    boolean isCleanMarker(int index, String text) {
        if (index >= MAX_MARKERS) {
            return false;
        }
        String known = markerTexts[index];
        return known == text || (known != null && known.equals(text));
    }

    void rememberCleanMarker(int index, String text) {
        if (index < MAX_MARKERS) {
            markerTexts[index] = text;
        }
    }

    /**
     * Whether no MDC entry needs masking. Entries identical (same key and value instances, same position) to the
     * ones found clean on the previous event are skipped; the others are scanned and remembered when clean.
     * Allocation-free ({@code forEach} with this reusable visitor). Maskings found here are not reported: the
     * full pass that follows a dirty result reports them.
     */
    boolean isClean(java.util.Map<String, String> mdc, Scrubber scrubber) {
        this.scrubber = scrubber;
        position = 0;
        dirty = false;
        try {
            mdc.forEach(this);
            return !dirty;
        } finally {
            this.scrubber = null;
        }
    }

    @Override
    public void accept(String key, String value) {
        int i = position++;
        if (dirty) {
            return;
        }
        if (i < MAX_MDC_ENTRIES && mdcKeys[i] == key && mdcValues[i] == value) {
            return;
        }
        if (scrubber.scrub(key) != key || scrubber.scrubValue(key, value) != value) {
            dirty = true;
        } else if (i < MAX_MDC_ENTRIES) {
            mdcKeys[i] = key;
            mdcValues[i] = value;
        }
    }
}
