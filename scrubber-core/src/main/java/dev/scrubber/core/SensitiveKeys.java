package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Names whose values are secrets whatever they look like (MDC keys, key-value pairs, JSON fields). A key is
 * sensitive when, ignoring ASCII case and the separators {@code _ - . space}, it ends with one of the names:
 * {@code DB_PASSWORD}, {@code x-api-key} and {@code openaiApiKey} all are. Matching allocates nothing.
 */
final class SensitiveKeys {
    static final List<String> DEFAULTS = List.of("password", "passwd", "pwd", "passphrase", "secret", "token",
            "apikey", "authorization", "clientsecret", "privatekey", "secretkey", "accesskey", "credentials",
            "credential", "cookie", "sessionid", "signature");

    private final String[] names;
    /** The names by their last character (ASCII), so that a key is compared only with names it can end with. */
    private final String[][] byLastChar = new String[128][];
    /** Whether every name ends with an ASCII character (else the plain loop over all names is used). */
    private final boolean indexed;

    SensitiveKeys(Collection<String> names) {
        List<String> normalized = new ArrayList<>();
        for (String name : names) {
            String n = normalize(name);
            if (!n.isEmpty()) {
                normalized.add(n);
            }
        }
        this.names = normalized.toArray(new String[0]);
        boolean ascii = true;
        for (String n : this.names) {
            ascii &= n.charAt(n.length() - 1) < 128;
        }
        indexed = ascii;
        for (String n : ascii ? this.names : new String[0]) {
            char last = n.charAt(n.length() - 1);
            String[] bucket = byLastChar[last];
            bucket = bucket == null ? new String[1] : java.util.Arrays.copyOf(bucket, bucket.length + 1);
            bucket[bucket.length - 1] = n;
            byLastChar[last] = bucket;
        }
    }

    boolean isSensitive(CharSequence key) {
        if (key == null) {
            return false;
        }
        if (indexed) {
            int k = key.length() - 1;
            while (k >= 0 && isSeparator(key.charAt(k))) {
                k--;
            }
            if (k < 0) {
                return false;
            }
            char last = Text.lowerAscii(key.charAt(k));
            String[] bucket = last < 128 ? byLastChar[last] : null;
            if (bucket == null) {
                return false;
            }
            for (String name : bucket) {
                if (endsWith(key, name)) {
                    return true;
                }
            }
            return false;
        }
        for (String name : names) {
            if (endsWith(key, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWith(CharSequence key, String name) {
        int k = key.length() - 1;
        for (int i = name.length() - 1; i >= 0; i--) {
            while (k >= 0 && isSeparator(key.charAt(k))) {
                k--;
            }
            if (k < 0 || Text.lowerAscii(key.charAt(k)) != name.charAt(i)) {
                return false;
            }
            k--;
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '-' || c == '.' || c == ' ';
    }

    static String normalize(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (!isSeparator(c)) {
                sb.append(Text.lowerAscii(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
