package dev.scrubber.core;

/**
 * Told the rule id of every masking, never the secret. Adapters use it to report which code leaks which kind of
 * secret. Called on the logging thread: keep it short, and do not log from it.
 */
@FunctionalInterface
public interface MaskListener {
    /** A span was masked because of rule {@code ruleId}. */
    void masked(String ruleId);
}
