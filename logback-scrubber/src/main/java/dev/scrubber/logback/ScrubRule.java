package dev.scrubber.logback;

/**
 * A custom rule declared in a Logback configuration as a nested {@code <rule>} element of
 * {@link ScrubbingAppender} or {@link ScrubbingEncoder}:
 *
 * <pre>{@code
 * <rule>
 *   <id>acme-key</id>
 *   <regex>acme_[a-z0-9]{32}</regex>
 *   <keywords>acme_</keywords>   <!-- optional, comma-separated -->
 * </rule>
 * }</pre>
 *
 * The pattern is RE2 syntax (linear time). See {@code Scrubber.Builder#addRule} for how keywords are used.
 */
public class ScrubRule {
    private String id;
    private String regex;
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
