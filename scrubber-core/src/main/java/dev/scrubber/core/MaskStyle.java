package dev.scrubber.core;

import java.util.Locale;

/** How a masked secret is written. */
public enum MaskStyle {
    /** {@code [REDACTED:openai-project-key]}: says what leaked, nothing of the value. The default. */
    TYPED,
    /** {@code [REDACTED]}. */
    FULL,
    /**
     * Keeps the public prefix and, for secrets of 16 characters or more, the last 4:
     * {@code sk-proj-[REDACTED]Xy12}. Helps tell keys apart at the cost of 4 characters of the secret.
     */
    PARTIAL,
    /**
     * {@code [REDACTED:openai-project-key:1a2b3c4d]}: a keyed hash of the secret, so operators can tell whether two
     * lines leaked the same key. The key is random per process unless configured, so that low-entropy passwords
     * cannot be brute-forced from the fingerprint.
     */
    FINGERPRINT;

    /** Parses a configuration value such as {@code typed} or {@code FINGERPRINT}. */
    public static MaskStyle parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mask style '" + value + "'; use typed, full, partial or fingerprint",
                    e);
        }
    }
}
