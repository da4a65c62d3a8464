package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 *   <li>{@code knownSecretFiles}: comma-separated files or directories whose contents are masked, re-read when
 *   they change</li>
 *   <li>{@code failPolicy}: {@code placeholder} (default) or {@code whole-message}</li>
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
    private final List<String> knownSecretFiles = new ArrayList<>();

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

    /**
     * Comma-separated files or directories (Kubernetes secret volumes, Docker {@code /run/secrets}) whose files'
     * contents are masked wherever they appear, re-read when they change.
     */
    public void setKnownSecretFiles(String csv) {
        knownSecretFiles.addAll(split(csv));
    }

    public void setFailPolicy(String value) {
        failPolicy = FailPolicy.parse(value);
    }

    public FailPolicy getFailPolicy() {
        return failPolicy;
    }

    /**
     * Applies options given as name-value pairs, under the names above (as in a properties file or a Spark
     * configuration with its prefix removed). A custom rule is {@code rule.ID = REGEX} with optional
     * {@code rule.ID.keywords = KW1,KW2}.
     *
     * @throws IllegalArgumentException for an unknown option name or a bad value, naming the option
     */
    public ScrubberSettings apply(Map<String, String> options) {
        Map<String, String> keywords = new TreeMap<>();
        Map<String, String> regexes = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (name.startsWith("rule.")) {
                String id = name.substring("rule.".length());
                if (id.endsWith(".keywords")) {
                    keywords.put(id.substring(0, id.length() - ".keywords".length()), value);
                } else {
                    regexes.put(id, value);
                }
                continue;
            }
            switch (name) {
                case "maskStyle" -> setMaskStyle(value);
                case "fingerprintKey" -> setFingerprintKey(value);
                case "sensitiveKeys" -> setSensitiveKeys(value);
                case "disabledRules" -> setDisabledRules(value);
                case "enabledRules" -> setEnabledRules(value);
                case "knownSecretsFromEnvironment" -> setKnownSecretsFromEnvironment(parseBoolean(name, value));
                case "knownSecretVariables" -> setKnownSecretVariables(value);
                case "failPolicy" -> setFailPolicy(value);
                default -> throw new IllegalArgumentException("unknown option '" + name + "'; known: " + OPTION_NAMES);
            }
        }
        for (String id : keywords.keySet()) {
            if (!regexes.containsKey(id)) {
                throw new IllegalArgumentException("rule." + id + ".keywords without rule." + id);
            }
        }
        regexes.forEach((id, regex) -> addRule(id, regex, keywords.get(id)));
        return this;
    }

    /** The option names {@link #apply} takes, besides {@code rule.ID} and {@code rule.ID.keywords}. */
    public static final List<String> OPTION_NAMES = List.of("maskStyle", "fingerprintKey", "sensitiveKeys",
            "disabledRules", "enabledRules", "knownSecretsFromEnvironment", "knownSecretVariables", "failPolicy");

    private static boolean parseBoolean(String name, String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(name + ": expected true or false, not '" + value + "'");
    }

    /**
     * Builds the scrubber.
     *
     * @param listener told the rule id of every masking; may be null
     * @throws IllegalArgumentException with a message fit for a configuration error report
     */
    public Scrubber build(MaskListener listener) {
        Scrubber.Builder b = Scrubber.builder().maskStyle(maskStyle).fingerprintKey(fingerprintKey)
                .knownSecretsFromEnvironment(knownSecretsFromEnvironment).listener(listener);
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
        if (!knownSecretFiles.isEmpty()) {
            SecretFiles.watch(knownSecretFiles);
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
