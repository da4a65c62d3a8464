package dev.scrubber.core;

/**
 * Where a secret was found: the rule that matched and the span {@code [start, end)} in the scanned text. It never
 * holds the secret, so printing a finding is safe.
 *
 * @param ruleId the id of the rule (a built-in id, a custom rule's id, {@code known-secret})
 * @param start the index of the first masked character
 * @param end the index after the last masked character
 */
public record Finding(String ruleId, int start, int end) {
}
