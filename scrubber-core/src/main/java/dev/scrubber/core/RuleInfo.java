package dev.scrubber.core;

/**
 * What a built-in rule detects, for documentation and for choosing rules to enable or disable.
 *
 * @param id the stable kebab-case id
 * @param description what it detects
 * @param validation how a candidate is confirmed (shape, checksum, entropy, context)
 * @param anchors the literals the one-pass prefilter looks for (keywords match ignoring ASCII case)
 */
public record RuleInfo(String id, String description, String validation, java.util.List<String> anchors) {
}
