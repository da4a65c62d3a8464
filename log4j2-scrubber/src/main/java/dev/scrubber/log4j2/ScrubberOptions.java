package dev.scrubber.log4j2;

import dev.scrubber.core.ScrubberSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The option values of one component as Log4j hands them over (strings, nulls for unset), turned into a
 * {@link ScrubberSettings}. The names are those of every other adapter.
 */
final class ScrubberOptions {
    String maskStyle;
    String fingerprintKey;
    String sensitiveKeys;
    String disabledRules;
    String enabledRules;
    String knownSecretsFromEnvironment;
    String knownSecretVariables;
    String failPolicy;
    String knownSecretFiles;
    final List<ScrubRule> rules = new ArrayList<>();

    /** The attributes and nested rules of a {@code <ScrubbingPolicy>} or {@code <ScrubbingLayout>} element. */
    static ScrubberOptions ofAttributes(String maskStyle, String fingerprintKey, String sensitiveKeys, String disabledRules,
            String enabledRules, String knownSecretsFromEnvironment, String knownSecretVariables, String failPolicy,
            ScrubRule[] rules) {
        ScrubberOptions options = new ScrubberOptions().rules(rules);
        options.maskStyle = maskStyle;
        options.fingerprintKey = fingerprintKey;
        options.sensitiveKeys = sensitiveKeys;
        options.disabledRules = disabledRules;
        options.enabledRules = enabledRules;
        options.knownSecretsFromEnvironment = knownSecretsFromEnvironment;
        options.knownSecretVariables = knownSecretVariables;
        options.failPolicy = failPolicy;
        return options;
    }

    ScrubberOptions rules(ScrubRule[] elements) {
        if (elements != null) {
            for (ScrubRule r : elements) {
                if (r != null) {
                    rules.add(r);
                }
            }
        }
        return this;
    }

    /**
     * Applies one option by name; used by the converter, whose options arrive as {@code name=value} strings.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    void set(String name, String value) {
        switch (name) {
            case "maskStyle" -> maskStyle = value;
            case "fingerprintKey" -> fingerprintKey = value;
            case "sensitiveKeys" -> sensitiveKeys = value;
            case "disabledRules" -> disabledRules = value;
            case "enabledRules" -> enabledRules = value;
            case "knownSecretsFromEnvironment" -> knownSecretsFromEnvironment = value;
            case "knownSecretVariables" -> knownSecretVariables = value;
            case "knownSecretFiles" -> knownSecretFiles = value;
            case "failPolicy" -> failPolicy = value;
            default -> throw new IllegalArgumentException("unknown option '" + name + "'");
        }
    }

    /** @throws IllegalArgumentException for an invalid value */
    ScrubberSettings toSettings() {
        ScrubberSettings s = new ScrubberSettings();
        if (maskStyle != null) {
            s.setMaskStyle(maskStyle);
        }
        if (fingerprintKey != null) {
            s.setFingerprintKey(fingerprintKey);
        }
        s.setSensitiveKeys(sensitiveKeys);
        s.setDisabledRules(disabledRules);
        s.setEnabledRules(enabledRules);
        if (knownSecretsFromEnvironment != null) {
            s.setKnownSecretsFromEnvironment(parseBoolean(knownSecretsFromEnvironment));
        }
        s.setKnownSecretVariables(knownSecretVariables);
        if (failPolicy != null) {
            s.setFailPolicy(failPolicy);
        }
        s.setKnownSecretFiles(knownSecretFiles);
        for (ScrubRule r : rules) {
            if (r.id() == null || r.regex() == null) {
                throw new IllegalArgumentException("a <Rule> needs both id and regex");
            }
            s.addRule(r.id(), r.regex(), r.keywords());
        }
        return s;
    }

    private static boolean parseBoolean(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("knownSecretsFromEnvironment must be true or false, not '" + value + "'");
    }
}
