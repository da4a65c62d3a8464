package dev.scrubber.core;

import java.util.Locale;

/**
 * What an adapter writes when it cannot scrub something (an exception while scrubbing, a value whose
 * {@code toString()} throws). Both policies fail closed: raw text is never written.
 */
public enum FailPolicy {
    /** Replace only the text that could not be scrubbed with {@link #PLACEHOLDER_TEXT}; write the rest. The default. */
    PLACEHOLDER,
    /** Replace the event's whole message (and drop its exception text) with {@link #PLACEHOLDER_TEXT}. */
    WHOLE_MESSAGE;

    /** Written instead of text that could not be scrubbed. */
    public static final String PLACEHOLDER_TEXT = "[REDACTED:scrub-failed]";

    /** Parses a configuration value such as {@code placeholder} or {@code whole-message}. */
    public static FailPolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fail policy '" + value + "'; use placeholder or whole-message", e);
        }
    }
}
