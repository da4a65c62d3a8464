package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options every adapter (Logback appender, encoder and converter; Log4j2 policy, layout and converter; the
 * CLI) accepts, under the same names, as the strings a configuration file holds. Adapters keep one instance,
 * forward their setters to it, and call {@link #build} when they start.
 *
 * <ul>
 *   <li>{@code maskStyle}: {@code typed} (default), {@code full}, {@code partial}, {@code fingerprint}</li>
 *   <li>{@code fingerprintKey}: key of the fingerprint hash (default: random per process)</li>
 *   <li>{@code sensitiveKeys}: comma-separated key names added to the defaults</li>
 *   <li>{@code disabledRules}: comma-separated built-in rule ids to turn off</li>
 *   <li>{@code enabledRules}: comma-separated built-in rule ids to keep (all when unset)</li>
 *   <li>rules: custom RE2 rules, each an id, a pattern and optional comma-separated keywords</li>
 *   <li>{@code knownSecretsFromEnvironment}: mask values of secret-looking environment variables (default true)</li>
 *   <li>{@code knownSecretVariables}: comma-separated environment variable names whose values are masked</li>
 *   <li>{@code failPolicy}: {@code placeholder} (default) or {@code whole-message}</li>
 *   <li>{@code learnSecrets}: learn values masked by context rules, so that later bare copies are masked (default
 *       true)</li>
 *   <li>{@code learnedSecretsLimit}: how many learned values are kept (default 1024)</li>
 * </ul>
 */
public final class ScrubberSettings {
    private MaskStyle maskStyle = MaskStyle.TYPED;
    private String fingerprintKey;
    private final List<String> sensitiveKeys = new ArrayList<>();
    private final List<String> disabledRules = new ArrayList<>();
    private final List<String> enabledRules = new ArrayList<>();
    private final List<String[]> rules = new ArrayList<>();
    private boolean knownSecretsFromEnvironment = true;
    private final List<String> knownSecretVariables = new ArrayList<>();
    private FailPolicy failPolicy = FailPolicy.PLACEHOLDER;
    private boolean learnSecrets = true;
    private int learnedSecretsLimit = LearnedSecrets.DEFAULT_CAPACITY;

    public void setMaskStyle(String value) {
        maskStyle = MaskStyle.parse(value);
    }

    public void setFingerprintKey(String value) {
        fingerprintKey = value;
    }

    public void setSensitiveKeys(String csv) {
        sensitiveKeys.addAll(split(csv));
    }

    public void setDisabledRules(String csv) {
        disabledRules.addAll(split(csv));
    }

    public void setEnabledRules(String csv) {
        enabledRules.addAll(split(csv));
    }

    /** Adds a custom RE2 rule; {@code keywords} is comma-separated and may be null. */
    public void addRule(String id, String regex, String keywords) {
        rules.add(new String[] {id, regex, keywords});
    }

    public void setKnownSecretsFromEnvironment(boolean value) {
        knownSecretsFromEnvironment = value;
    }

    public void setKnownSecretVariables(String csv) {
        knownSecretVariables.addAll(split(csv));
    }

    public void setFailPolicy(String value) {
        failPolicy = FailPolicy.parse(value);
    }

    public void setLearnSecrets(boolean value) {
        learnSecrets = value;
    }

    public void setLearnedSecretsLimit(int value) {
        learnedSecretsLimit = value;
    }

    public FailPolicy getFailPolicy() {
        return failPolicy;
    }

    /**
     * Builds the scrubber.
     *
     * @param listener told the rule id of every masking; may be null
     * @throws IllegalArgumentException with a message fit for a configuration error report
     */
    public Scrubber build(MaskListener listener) {
        Scrubber.Builder b = Scrubber.builder().maskStyle(maskStyle).fingerprintKey(fingerprintKey)
                .knownSecretsFromEnvironment(knownSecretsFromEnvironment).listener(listener)
                .learnedSecretsLimit(learnSecrets ? learnedSecretsLimit : 0);
        if (!sensitiveKeys.isEmpty()) {
            b.addSensitiveKeys(sensitiveKeys.toArray(new String[0]));
        }
        if (!disabledRules.isEmpty()) {
            b.disableRules(disabledRules.toArray(new String[0]));
        }
        if (!enabledRules.isEmpty()) {
            b.enableOnly(enabledRules.toArray(new String[0]));
        }
        for (String[] r : rules) {
            b.addRule(r[0], r[1], split(r[2]).toArray(new String[0]));
        }
        for (String name : knownSecretVariables) {
            String value = System.getenv(name);
            if (value != null && value.length() >= KnownSecrets.MIN_LENGTH) {
                b.knownSecrets(value);
            }
        }
        return b.build();
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
