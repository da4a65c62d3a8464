package dev.scrubber.core;

import java.util.Set;

/**
 * Values that look like a secret's position but are not secrets: templates, masks (ours included, so that
 * masking is idempotent), well-known dummy words and file paths.
 */
final class Placeholders {
    private static final Set<String> WORDS = Set.of("null", "nil", "none", "true", "false", "undefined", "empty",
            "changeme", "change_me", "changeit", "password", "passwd", "secret", "token", "redacted", "masked",
            "hidden", "example", "placeholder", "sample", "dummy", "test", "todo", "n/a", "notset", "not_set",
            "your_api_key", "your-api-key", "yourapikey", "api_key", "apikey", "xxx", "<secret>", "string");
    private static final String[] MASK_PREFIXES = {"[REDACTED", "[MASKED", "[FILTERED", "[PROTECTED", "[HIDDEN",
        "<redacted", "<masked", "<hidden", "<secret", "***"};

    private Placeholders() {
    }

    static boolean isPlaceholder(CharSequence s, int from, int to) {
        return isPlaceholder(s, from, to, true);
    }

    /** @param pathsArePlaceholders whether a value that looks like a file path is one (not for base64 values) */
    static boolean isPlaceholder(CharSequence s, int from, int to, boolean pathsArePlaceholders) {
        int n = to - from;
        if (n <= 0) {
            return true;
        }
        char first = s.charAt(from);
        if (first == '$' || first == '{' || first == '<' || first == '%' && s.charAt(to - 1) == '%'
                || first == '@' && s.charAt(to - 1) == '@') {
            return true; // ${VAR}, $VAR, {{ x }}, <your key>, %VAR%, @VAR@
        }
        boolean looksLikePath = first == '/' || n > 1 && (first == '~' || first == '.') && s.charAt(from + 1) == '/';
        if (pathsArePlaceholders && looksLikePath) {
            return true; // a file path, e.g. pwd=/home/app
        }
        for (String prefix : MASK_PREFIXES) {
            if (Text.matchesAt(s, from, prefix, false) || containsMask(s, from, to, prefix)) {
                return true;
            }
        }
        if (isOneRepeatedChar(s, from, to)) {
            return true;
        }
        return n <= 16 && isWord(s, from, to);
    }

    /** Whether the text right after {@code end} is one of our masks, e.g. a partial mask's tail. */
    static boolean followedByMask(CharSequence s, int end) {
        return Text.matchesAt(s, end, "[REDACTED", false);
    }

    private static boolean containsMask(CharSequence s, int from, int to, String prefix) {
        return prefix.charAt(0) == '[' && Text.indexOf(s, prefix, from, to) >= 0;
    }

    private static boolean isOneRepeatedChar(CharSequence s, int from, int to) {
        char c = s.charAt(from);
        for (int i = from + 1; i < to; i++) {
            if (s.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWord(CharSequence s, int from, int to) {
        for (String w : WORDS) {
            if (w.length() == to - from && Text.matchesAt(s, from, w, true)) {
                return true;
            }
        }
        return false;
    }
}
