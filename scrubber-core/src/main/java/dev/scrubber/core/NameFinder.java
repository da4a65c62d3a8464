package dev.scrubber.core;

/**
 * Stage one of a named value: where the name around an anchor hit starts and ends. A name is a run of letters,
 * digits, {@code _ - .} ({@code spring.datasource.password}, {@code x-api-key}, {@code AWS_SECRET_ACCESS_KEY}), plus
 * space-separated qualifier words before it ({@code Secret Access Key}, {@code API KEY}); leading dashes (a CLI
 * flag) and trailing dots or dashes are not part of it.
 */
final class NameFinder {
    static final int MAX_NAME = 80;
    private static final int MAX_SPACED_WORDS = 3;

    private NameFinder() {
    }

    static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == '.';
    }

    /** The name containing {@code [anchorStart, anchorEnd)} as {@code start << 32 | end}, or -1. */
    static long around(CharSequence s, int anchorStart, int anchorEnd) {
        int n = s.length();
        int end = anchorEnd;
        while (end < n && end - anchorStart < MAX_NAME && isNameChar(s.charAt(end))
                && !(s.charAt(end) == '.' && end + 1 < n && s.charAt(end + 1) == '.')) { // "name.....value": leaders
            end++;
        }
        if (end < n && end - anchorStart >= MAX_NAME && isNameChar(s.charAt(end))) {
            return -1; // a long run of identifier characters is data, not a name
        }
        while (end > anchorEnd && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        end = spacedSuffix(s, end);
        int start = anchorStart;
        while (start > 0 && anchorEnd - start < MAX_NAME && isNameChar(s.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && isNameChar(s.charAt(start - 1))) {
            return -1;
        }
        while (start < anchorStart && (s.charAt(start) == '-' || s.charAt(start) == '.')) {
            start++;
        }
        if (start < anchorStart && start > 0 && s.charAt(start - 1) == '-'
                && (s.charAt(start) == 'D' || s.charAt(start) == 'P')
                && (start == 1 || !isNameChar(s.charAt(start - 2)))) {
            start++; // a JVM system property (-Dpassword=…) or a Gradle project property (-PsonatypePassword=…)
        }
        start = spacedQualifiers(s, start, end);
        return (long) start << 32 | end;
    }

    /**
     * Extends {@code start} over up to three space-separated words before the name: all of them when they start
     * the pair ({@code {openai api key=…}}, a line that starts {@code Secret Access Key:}), else only qualifier words
     * ({@code the secret access key: …}).
     */
    private static int spacedQualifiers(CharSequence s, int start, int end) {
        int all = start;
        int qualified = start;
        boolean qualifiersOnly = true;
        for (int k = 0; k < MAX_SPACED_WORDS; k++) {
            if (all < 2 || s.charAt(all - 1) != ' ') {
                break;
            }
            int w = all - 1;
            while (w > 0 && all - 1 - w < 24 && isWordChar(s.charAt(w - 1))) {
                w--;
            }
            if (w == all - 1 || w > 0 && isNameChar(s.charAt(w - 1)) || !isLetter(s.charAt(w))) {
                break; // a word of a name starts with a letter: "(468 aws_secret_access_key=…" is a count
            }
            qualifiersOnly &= isQualifier(s, w, all - 1);
            all = w;
            if (qualifiersOnly) {
                qualified = w;
            }
        }
        return all < start && (afterStructure(s, all, end) || atLineStart(s, all)) && !hasKeyword(s, all, start) ? all
                : qualified;
    }

    /**
     * Extends {@code end} over up to two space-separated words after the name when an operator or a closing quote
     * follows them: {@code "password value": …}, {@code "session id": …}.
     */
    private static int spacedSuffix(CharSequence s, int end) {
        int n = s.length();
        int e = end;
        for (int k = 0; k < 2; k++) {
            if (e + 1 >= n || s.charAt(e) != ' ' || !isLetter(s.charAt(e + 1))) {
                break;
            }
            int w = e + 1;
            while (w < n && w - e < 24 && isWordChar(s.charAt(w))) {
                w++;
            }
            if (w < n && isNameChar(s.charAt(w)) || !isSuffixWord(s, e + 1, w)) {
                break;
            }
            e = w;
            int p = w;
            while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
                p++;
            }
            if (p < n && (s.charAt(p) == '=' || s.charAt(p) == ':' || s.charAt(p) == '"' || s.charAt(p) == '\''
                    || s.charAt(p) == '\\')) {
                return e;
            }
        }
        return end;
    }

    /**
     * Whether a pair starts at {@code p} after a structural character ({@code {"openai api key": …}}); at the start
     * of a line only qualifier words count, so that {@code val}, {@code export} or {@code String} stay out of names.
     */
    private static boolean afterStructure(CharSequence s, int p, int end) {
        int j = p - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        char c = s.charAt(j);
        if (c == '"' || c == '\'') {
            // a quoted key ("session id": …), not prose inside a string ("batch authorization: …")
            int e = end;
            while (e < s.length() && s.charAt(e) == '\\') {
                e++;
            }
            return e < s.length() && s.charAt(e) == c;
        }
        return "{([,;&?".indexOf(c) >= 0;
    }

    /** A word that may follow a name's head in a spaced name: {@code value}, {@code id}, {@code key}. */
    private static boolean isSuffixWord(CharSequence s, int from, int to) {
        return SUFFIX_WORDS.contains(s, from, to) || SensitiveKeys.VALUE_SUFFIX.contains(s, from, to);
    }

    private static final WordSet SUFFIX_WORDS = WordSet.ignoringCase("id", "key", "token", "secret", "password",
            "pwd");

    private static boolean atLineStart(CharSequence s, int p) {
        int j = p - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        return j < 0 || s.charAt(j) == '\n' || s.charAt(j) == '\r';
    }

    /** Whether the words in {@code [from, to)} include a declaration keyword or type ({@code val}, {@code String}). */
    private static boolean hasKeyword(CharSequence s, int from, int to) {
        int w = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == ' ') {
                if (KEYWORDS.contains(s, w, i)) {
                    return true;
                }
                w = i + 1;
            }
        }
        return false;
    }

    private static final WordSet KEYWORDS = WordSet.exact("val", "var", "let", "const", "final", "static", "private",
        "public", "protected", "internal", "override", "lateinit", "String", "string", "int", "char", "byte", "auto",
        "def", "export", "set", "local", "readonly", "declare", "my", "our", "Dim", "dim", "new", "ENV", "ARG", "type",
        "the", "The", "a", "A", "an", "is", "if", "for", "and", "or", "not", "your", "Your", "with", "from", "no");

    private static boolean isWordChar(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static boolean isQualifier(CharSequence s, int from, int to) {
        return SensitiveKeys.GLUED_QUALIFIER.contains(s, from, to) || AWS.contains(s, from, to);
    }

    private static final WordSet AWS = WordSet.ignoringCase("aws");

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
