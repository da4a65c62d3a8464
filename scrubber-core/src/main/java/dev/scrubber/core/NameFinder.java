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
        while (end < n && end - anchorStart < MAX_NAME && isNameChar(s.charAt(end))) {
            end++;
        }
        if (end < n && end - anchorStart >= MAX_NAME && isNameChar(s.charAt(end))) {
            return -1; // a long run of identifier characters is data, not a name
        }
        while (end > anchorEnd && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
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
        start = spacedQualifiers(s, start);
        return (long) start << 32 | end;
    }

    /** Extends {@code start} over up to three space-separated qualifier words: {@code secret access key}. */
    private static int spacedQualifiers(CharSequence s, int start) {
        for (int k = 0; k < MAX_SPACED_WORDS; k++) {
            if (start < 2 || s.charAt(start - 1) != ' ') {
                return start;
            }
            int w = start - 1;
            while (w > 0 && start - 1 - w < 16 && isLetter(s.charAt(w - 1))) {
                w--;
            }
            if (w == start - 1 || w > 0 && isNameChar(s.charAt(w - 1)) || !isQualifier(s, w, start - 1)) {
                return start;
            }
            start = w;
        }
        return start;
    }

    private static boolean isQualifier(CharSequence s, int from, int to) {
        for (String q : SensitiveKeys.GLUED_QUALIFIERS) {
            if (q.length() == to - from && Text.matchesAt(s, from, q, true)) {
                return true;
            }
        }
        return to - from == 3 && Text.matchesAt(s, from, "aws", true);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
