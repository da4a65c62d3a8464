package dev.scrubber.cli;

import dev.scrubber.core.Scrubber;
import dev.scrubber.core.ScrubberSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command takes, named like the appenders' settings and applied through the same
 * {@link ScrubberSettings}, so a rule set behaves the same in the CLI as in Logback or Log4j2.
 */
final class ScrubberOptions {
    @Option(names = "--mask-style", paramLabel = "STYLE",
            description = "How a secret is masked: typed (default), full, partial or fingerprint.")
    String maskStyle;

    @Option(names = "--disabled-rules", paramLabel = "IDS", description = "Comma-separated built-in rule ids to turn off.")
    List<String> disabledRules = new ArrayList<>();

    @Option(names = "--enabled-rules", paramLabel = "IDS",
            description = "Comma-separated built-in rule ids to keep (default: all).")
    List<String> enabledRules = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "ID[:KEYWORDS]=REGEX",
            description = "A custom RE2 rule (repeatable). KEYWORDS, comma-separated, are optional: without them a"
                    + " literal every match contains is derived from the pattern.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--known-secrets-from-environment", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Mask the values of secret-looking environment variables (*_KEY, *_TOKEN, *PASSWORD* ...)."
                    + " On by default.")
    boolean knownSecretsFromEnvironment = true;

    @Option(names = "--known-secret-variables", paramLabel = "VARS",
            description = "Comma-separated environment variable names whose values are masked wherever they appear.")
    List<String> knownSecretVariables = new ArrayList<>();

    @Option(names = "--known-secret-files", paramLabel = "PATHS",
            description = "Comma-separated files or directories (mounted secrets: Kubernetes secret volumes,"
                    + " /run/secrets) whose files' contents are masked wherever they appear.")
    List<String> knownSecretFiles = new ArrayList<>();

    @Option(names = "--learn-secrets", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Learn values masked by context (password=..., a URI password) and mask their later bare"
                    + " copies; a value learned takes effect within 100 ms. On by default.")
    boolean learnSecrets = true;

    @Option(names = "--learned-secrets-limit", paramLabel = "N",
            description = "How many learned values are kept, the most recent (default 1024).")
    Integer learnedSecretsLimit;

    @Option(names = "--sensitive-keys", paramLabel = "KEYS",
            description = "Comma-separated key names whose values are masked whole, added to the defaults. Accepted"
                    + " for parity with the appenders; the engine applies it to named values (MDC, key-value pairs),"
                    + " so it does not change plain log lines.")
    List<String> sensitiveKeys = new ArrayList<>();

    @Option(names = "--fingerprint-key", paramLabel = "KEY", defaultValue = "${env:SCRUBBER_FINGERPRINT_KEY}",
            description = "Key of the fingerprint mask style's hash (default: $SCRUBBER_FINGERPRINT_KEY, else random).")
    String fingerprintKey;

    /** Builds the scrubber; a bad value becomes a one-line {@link UserError}. */
    Scrubber build() {
        ScrubberSettings settings = new ScrubberSettings();
        try {
            if (maskStyle != null) {
                settings.setMaskStyle(maskStyle);
            }
            settings.setFingerprintKey(fingerprintKey);
            disabledRules.forEach(settings::setDisabledRules);
            enabledRules.forEach(settings::setEnabledRules);
            sensitiveKeys.forEach(settings::setSensitiveKeys);
            knownSecretVariables.forEach(settings::setKnownSecretVariables);
            knownSecretFiles.forEach(settings::setKnownSecretFiles);
            settings.setKnownSecretsFromEnvironment(knownSecretsFromEnvironment);
            settings.setLearnSecrets(learnSecrets);
            if (learnedSecretsLimit != null) {
                settings.setLearnedSecretsLimit(learnedSecretsLimit);
            }
            for (String rule : rules) {
                addRule(settings, rule);
            }
            return settings.build(null);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static void addRule(ScrubberSettings settings, String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new UserError("--rule '" + spec + "': expected ID=REGEX or ID:KEYWORDS=REGEX");
        }
        String head = spec.substring(0, eq);
        int colon = head.indexOf(':');
        String id = colon < 0 ? head : head.substring(0, colon);
        String keywords = colon < 0 ? null : head.substring(colon + 1);
        settings.addRule(id.trim(), spec.substring(eq + 1), keywords);
    }
}
