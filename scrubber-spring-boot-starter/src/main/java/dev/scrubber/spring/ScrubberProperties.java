package dev.scrubber.spring;

import dev.scrubber.core.ScrubberSettings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code scrubber.*} properties: the options every log-scrubber component takes (README, "Options"), in
 * kebab-case, plus the starter's own switches. Read when Spring Boot initialises logging, so they belong in
 * {@code application.properties}/{@code .yml}, the environment or the command line, not in a
 * {@code @PropertySource}.
 */
@ConfigurationProperties(prefix = "scrubber")
public class ScrubberProperties {
    /** Whether the starter scrubs Spring Boot's logging and registers secret-named properties as known secrets. */
    private boolean enabled = true;

    /** How a secret is masked: typed (default), full, partial or fingerprint. */
    private String maskStyle;

    /** Key of the fingerprint mask style's hash; set the same key on every host to compare fingerprints. */
    private String fingerprintKey;

    /** Key names added to the default sensitive keys (values under them are masked whole). */
    private List<String> sensitiveKeys = new ArrayList<>();

    /** Built-in rule ids to turn off. */
    private List<String> disabledRules = new ArrayList<>();

    /** Built-in rule ids to keep; all others are off (default: all). */
    private List<String> enabledRules = new ArrayList<>();

    /** Custom RE2 rules. */
    private List<Rule> rules = new ArrayList<>();

    /** Mask the values of secret-looking environment variables (*_KEY, *_TOKEN, *PASSWORD* ...). */
    private boolean knownSecretsFromEnvironment = true;

    /** Environment variable names whose values are masked wherever they appear. */
    private List<String> knownSecretVariables = new ArrayList<>();

    /** Files or directories (Kubernetes secret volumes, /run/secrets) whose contents are masked, re-read on change. */
    private List<String> knownSecretFiles = new ArrayList<>();

    /** What replaces text that could not be scrubbed: placeholder (default) or whole-message. */
    private String failPolicy;

    /**
     * Logger-name prefixes whose consecutive events of one thread continue a secret split over them (wire loggers);
     * empty for every logger, "none" for none.
     */
    private List<String> continuationLoggers = new ArrayList<>();

    /** Status level of the once-per-rule-and-logger masking report: info (default) or warn. */
    private String maskReportLevel;

    /** Learn values masked by context rules, so that later bare copies are masked too. */
    private boolean learnSecrets = true;

    /** How many learned values are kept (most recent first). */
    private int learnedSecretsLimit = 1024;

    /**
     * Mask, wherever they appear, the values of Spring properties whose names are sensitive (such as
     * spring.datasource.password or spring.ai.openai.api-key).
     */
    private boolean knownSecretsFromProperties = true;

    /** A custom rule. */
    public static class Rule {
        /** The rule id reported in masks and metrics. */
        private String id;

        /** An RE2 regex; with a capturing group only group 1 is masked. */
        private String regex;

        /** Optional comma-separated literals that must appear near a match. */
        private String keywords;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getRegex() {
            return regex;
        }

        public void setRegex(String regex) {
            this.regex = regex;
        }

        public String getKeywords() {
            return keywords;
        }

        public void setKeywords(String keywords) {
            this.keywords = keywords;
        }
    }

    /** A value equal for equal options: whether components built from other options must be rebuilt. */
    Object key() {
        List<Object> ruleKeys = new ArrayList<>();
        for (Rule r : rules) {
            ruleKeys.add(java.util.Arrays.asList(r.getId(), r.getRegex(), r.getKeywords()));
        }
        return java.util.Arrays.asList(enabled, maskStyle, fingerprintKey, List.copyOf(sensitiveKeys),
                List.copyOf(disabledRules), List.copyOf(enabledRules), ruleKeys, knownSecretsFromEnvironment,
                List.copyOf(knownSecretVariables), List.copyOf(knownSecretFiles), failPolicy,
                List.copyOf(continuationLoggers), maskReportLevel, learnSecrets, learnedSecretsLimit);
    }

    /** The options as the core's shared settings; the same parser every component and the CLI use. */
    ScrubberSettings toSettings() {
        ScrubberSettings s = new ScrubberSettings();
        if (maskStyle != null) {
            s.setMaskStyle(maskStyle);
        }
        if (fingerprintKey != null) {
            s.setFingerprintKey(fingerprintKey);
        }
        s.setSensitiveKeys(String.join(",", sensitiveKeys));
        s.setDisabledRules(String.join(",", disabledRules));
        s.setEnabledRules(String.join(",", enabledRules));
        for (Rule r : rules) {
            if (r.getId() == null || r.getRegex() == null) {
                throw new IllegalArgumentException("a scrubber.rules entry needs an id and a regex");
            }
            s.addRule(r.getId(), r.getRegex(), r.getKeywords());
        }
        s.setKnownSecretsFromEnvironment(knownSecretsFromEnvironment);
        s.setKnownSecretVariables(String.join(",", knownSecretVariables));
        s.setKnownSecretFiles(String.join(",", knownSecretFiles));
        if (failPolicy != null) {
            s.setFailPolicy(failPolicy);
        }
        s.setContinuationLoggers(String.join(",", continuationLoggers));
        if (maskReportLevel != null) {
            s.setMaskReportLevel(maskReportLevel);
        }
        s.setLearnSecrets(learnSecrets);
        s.setLearnedSecretsLimit(learnedSecretsLimit);
        return s;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getMaskStyle() {
        return maskStyle;
    }

    public void setMaskStyle(String maskStyle) {
        this.maskStyle = maskStyle;
    }

    public String getFingerprintKey() {
        return fingerprintKey;
    }

    public void setFingerprintKey(String fingerprintKey) {
        this.fingerprintKey = fingerprintKey;
    }

    public List<String> getSensitiveKeys() {
        return sensitiveKeys;
    }

    public void setSensitiveKeys(List<String> sensitiveKeys) {
        this.sensitiveKeys = sensitiveKeys;
    }

    public List<String> getDisabledRules() {
        return disabledRules;
    }

    public void setDisabledRules(List<String> disabledRules) {
        this.disabledRules = disabledRules;
    }

    public List<String> getEnabledRules() {
        return enabledRules;
    }

    public void setEnabledRules(List<String> enabledRules) {
        this.enabledRules = enabledRules;
    }

    public List<Rule> getRules() {
        return rules;
    }

    public void setRules(List<Rule> rules) {
        this.rules = rules;
    }

    public boolean isKnownSecretsFromEnvironment() {
        return knownSecretsFromEnvironment;
    }

    public void setKnownSecretsFromEnvironment(boolean knownSecretsFromEnvironment) {
        this.knownSecretsFromEnvironment = knownSecretsFromEnvironment;
    }

    public List<String> getKnownSecretVariables() {
        return knownSecretVariables;
    }

    public void setKnownSecretVariables(List<String> knownSecretVariables) {
        this.knownSecretVariables = knownSecretVariables;
    }

    public List<String> getContinuationLoggers() {
        return continuationLoggers;
    }

    public void setContinuationLoggers(List<String> continuationLoggers) {
        this.continuationLoggers = continuationLoggers;
    }

    public boolean isLearnSecrets() {
        return learnSecrets;
    }

    public void setLearnSecrets(boolean learnSecrets) {
        this.learnSecrets = learnSecrets;
    }

    public int getLearnedSecretsLimit() {
        return learnedSecretsLimit;
    }

    public void setLearnedSecretsLimit(int learnedSecretsLimit) {
        this.learnedSecretsLimit = learnedSecretsLimit;
    }

    public String getMaskReportLevel() {
        return maskReportLevel;
    }

    public void setMaskReportLevel(String maskReportLevel) {
        this.maskReportLevel = maskReportLevel;
    }

    public List<String> getKnownSecretFiles() {
        return knownSecretFiles;
    }

    public void setKnownSecretFiles(List<String> knownSecretFiles) {
        this.knownSecretFiles = knownSecretFiles;
    }

    public String getFailPolicy() {
        return failPolicy;
    }

    public void setFailPolicy(String failPolicy) {
        this.failPolicy = failPolicy;
    }

    public boolean isKnownSecretsFromProperties() {
        return knownSecretsFromProperties;
    }

    public void setKnownSecretsFromProperties(boolean knownSecretsFromProperties) {
        this.knownSecretsFromProperties = knownSecretsFromProperties;
    }
}
