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
 *   <li>{@code continuationLoggers}: comma-separated logger-name prefixes whose events continue a secret split
 *       over consecutive events of one thread (see {@link Continuations}); default every logger, {@code none} for
 *       no logger</li>
 *   <li>{@code maskReportLevel}: level of the once-per-rule-and-logger masking report, {@code info} (default) or
 *       {@code warn}</li>
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
    private List<String> continuationLoggers;
    private boolean warnOnMask;
    private final List<String> knownSecretFiles = new ArrayList<>();
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

    public void setLearnSecrets(boolean value) {
        learnSecrets = value;
    }

    public void setLearnedSecretsLimit(int value) {
        learnedSecretsLimit = value;
    }

    public FailPolicy getFailPolicy() {
        return failPolicy;
    }

    /** Logger-name prefixes for continuations; blank or {@code *} for every logger, {@code none} for none. */
    public void setContinuationLoggers(String csv) {
        List<String> prefixes = split(csv);
        if (prefixes.isEmpty() || prefixes.contains("*")) {
            continuationLoggers = null;
        } else if (prefixes.size() == 1 && prefixes.get(0).equalsIgnoreCase("none")) {
            continuationLoggers = List.of();
        } else {
            continuationLoggers = prefixes;
        }
    }

    /** The continuation stage for {@code scrubber}, limited to the configured logger-name prefixes. */
    public Continuations buildContinuations(Scrubber scrubber) {
        return Continuations.of(scrubber, continuationLoggers);
    }

    /** {@code info} (default) or {@code warn}: the level at which adapters report the first masking per rule and logger. */
    public void setMaskReportLevel(String value) {
        String v = value == null ? "info" : value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("info") && !v.equals("warn")) {
            throw new IllegalArgumentException("maskReportLevel must be info or warn, not '" + value + "'");
        }
        warnOnMask = v.equals("warn");
    }

    /** Whether maskings are reported as warnings rather than information. */
    public boolean warnsOnMask() {
        return warnOnMask;
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
                case "knownSecretFiles" -> setKnownSecretFiles(value);
                case "learnSecrets" -> setLearnSecrets(parseBoolean(name, value));
                case "learnedSecretsLimit" -> setLearnedSecretsLimit(parseInt(name, value));
                case "continuationLoggers" -> setContinuationLoggers(value);
                case "maskReportLevel" -> setMaskReportLevel(value);
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
            "disabledRules", "enabledRules", "knownSecretsFromEnvironment", "knownSecretVariables", "failPolicy",
            "knownSecretFiles", "learnSecrets", "learnedSecretsLimit", "continuationLoggers", "maskReportLevel");

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number, not '" + value + "'");
        }
    }

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
