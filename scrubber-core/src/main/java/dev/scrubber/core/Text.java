package dev.scrubber.core;

/** Allocation-free helpers over {@link CharSequence}, with ASCII-only case folding so offsets never shift. */
final class Text {
    private Text() {
    }

    static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Whether {@code literal} occurs at {@code at}; {@code literal} must be lower-case when {@code ignoreCase}. */
    static boolean matchesAt(CharSequence s, int at, String literal, boolean ignoreCase) {
        int n = literal.length();
        if (at < 0 || at + n > s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(at + i);
            if (ignoreCase) {
                c = lowerAscii(c);
            }
            if (c != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first {@code count} characters of {@code literal} occur at {@code at}. */
    static boolean matchesAt(CharSequence s, int at, String literal, int count, boolean ignoreCase) {
        if (at < 0 || at + count > s.length()) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            char c = s.charAt(at + i);
            if (ignoreCase) {
                c = lowerAscii(c);
            }
            if (c != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** First index of {@code literal} in {@code [from, to)}, or -1. */
    static int indexOf(CharSequence s, String literal, int from, int to) {
        int last = Math.min(to, s.length()) - literal.length();
        char first = literal.charAt(0);
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (s.charAt(i) == first && matchesAt(s, i, literal, false)) {
                return i;
            }
        }
        return -1;
    }

    /** Length of the run of {@code alphabet} characters starting at {@code from}, counting at most {@code cap}. */
    static int run(CharSequence s, int from, Alphabet alphabet, int cap) {
        int limit = Math.min(s.length(), from + cap);
        int i = from;
        while (i < limit && alphabet.contains(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /**
     * Whether a token may start at {@code at}: the character before it is not part of a longer run.
     * An escape ({@code \n}, {@code \t}, {@code \r} in JSON, {@code %3D} in a URL) counts as a boundary.
     */
    static boolean leftBoundary(CharSequence s, int at, Alphabet boundary) {
        if (at == 0) {
            return true;
        }
        char before = s.charAt(at - 1);
        if (!boundary.contains(before)) {
            return true;
        }
        if (at >= 2 && s.charAt(at - 2) == '\\' && (before == 'n' || before == 't' || before == 'r')) {
            return true;
        }
        return at >= 3 && s.charAt(at - 3) == '%' && Alphabet.HEX_ANY_CASE.contains(s.charAt(at - 2))
                && Alphabet.HEX_ANY_CASE.contains(before);
    }

    static boolean rightBoundary(CharSequence s, int end, Alphabet boundary) {
        return end >= s.length() || !boundary.contains(s.charAt(end));
    }
}
