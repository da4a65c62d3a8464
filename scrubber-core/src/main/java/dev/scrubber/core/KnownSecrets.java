package dev.scrubber.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Exact secret values to mask wherever they appear, in the forms they are usually logged in: as is, base64
 * (standard and URL-safe, padding dropped) and URL-encoded. Also picks such values from the environment.
 */
final class KnownSecrets {
    static final String RULE_ID = "known-secret";
    /** Shortest value accepted when registered explicitly. */
    static final int MIN_LENGTH = 4;
    /** Shortest environment value accepted, so that words such as {@code true} or {@code admin} are not masked. */
    static final int MIN_ENV_LENGTH = 8;

    private KnownSecrets() {
    }

    static void check(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a known secret must have at least " + MIN_LENGTH + " characters");
        }
        if (value.chars().noneMatch(c -> c < 128)) {
            throw new IllegalArgumentException("a known secret must contain at least one ASCII character");
        }
    }

    /** The value and its encoded forms. */
    static Set<String> variants(String value) {
        Set<String> out = new LinkedHashSet<>();
        out.add(value);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        addIfLong(out, Base64.getEncoder().withoutPadding().encodeToString(bytes));
        addIfLong(out, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        addIfLong(out, URLEncoder.encode(value, StandardCharsets.UTF_8));
        addIfLong(out, URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        return out;
    }

    private static void addIfLong(Set<String> out, String form) {
        if (form.length() >= MIN_LENGTH) {
            out.add(form);
        }
    }

    /** Values of environment variables whose names say they hold secrets. */
    static Set<String> fromEnvironment(Map<String, String> env) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (isSecretName(e.getKey()) && isUsableValue(e.getValue())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    static boolean isSecretName(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        if (n.contains("PUBLIC") || n.endsWith("_ID") || n.endsWith("_URL") || n.endsWith("_FILE")) {
            return false;
        }
        return n.endsWith("_KEY") || n.endsWith("_TOKEN") || n.endsWith("_SECRET") || n.endsWith("_CREDENTIALS")
                || n.endsWith("_PASS") || n.endsWith("_PWD") || n.endsWith("_APIKEY") || n.endsWith("_PAT")
                || n.contains("PASSWORD") || n.contains("PASSWD") || n.equals("TOKEN") || n.equals("SECRET");
    }

    static boolean isUsableValue(String v) {
        if (v == null || v.length() < MIN_ENV_LENGTH || v.chars().anyMatch(Character::isWhitespace)
                || v.chars().noneMatch(c -> c < 128)) {
            return false;
        }
        boolean lettersOnly = v.chars().allMatch(Character::isLetter);
        return !(lettersOnly && v.length() < 16) && !Placeholders.isPlaceholder(v, 0, v.length());
    }
}
