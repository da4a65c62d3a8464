package dev.scrubber.core;

/**
 * Passwords on a command line that have no name of their own: {@code curl -u user:<password>},
 * {@code --user user:<password>}, {@code mysql -uroot -p<password>}. Only the password is masked, read as a shell word
 * (quotes honoured).
 */
final class CliPasswordVerifier implements Verifier {
    private static final String[] HTTP_TOOLS = {"curl", "wget", "http ", "https ", "git "};
    private static final String[] MYSQL_TOOLS = {"mysql", "mariadb"};
    private static final int MAX_COMMAND = 512;

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        int n = s.length();
        if (s.charAt(anchorEnd - 1) == 'p') {
            // mysql -p<password>: the password is glued to the flag
            if (anchorEnd >= n || s.charAt(anchorEnd) == ' ' || s.charAt(anchorEnd) == '-'
                    || !commandMentions(s, anchorStart, MYSQL_TOOLS)) {
                return NONE;
            }
            return word(s, anchorEnd, 3);
        }
        int p = anchorEnd;
        char last = s.charAt(anchorEnd - 1);
        if (last == '\'' || last == '"') {
            p--;
        }
        if (!Text.matchesAt(s, anchorStart, "--user", false) && !commandMentions(s, anchorStart, HTTP_TOOLS)) {
            return NONE;
        }
        p = ValueSyntax.skipBlanks(s, p);
        int end = ValueEnd.shellWord(s, p, Math.min(n, p + 1024));
        int colon = -1;
        for (int i = p; i < end; i++) {
            if (s.charAt(i) == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return NONE;
        }
        return word(s, colon + 1, 3, end);
    }

    private static long word(CharSequence s, int from, int minLength) {
        return word(s, from, minLength, ValueEnd.shellWord(s, from, Math.min(s.length(), from + 1024)));
    }

    private static long word(CharSequence s, int from, int minLength, int end) {
        int start = from;
        while (end > start && ",;.:".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        end = ValueEnd.stripUnmatchedClosers(s, start, end);
        if (end - start >= 2 && (s.charAt(start) == '\'' || s.charAt(start) == '"')
                && s.charAt(end - 1) == s.charAt(start)) {
            start++;
            end--;
            if (end - start >= 2 && (s.charAt(start) == ' ' && s.charAt(start + 1) == '+'
                    || s.charAt(end - 1) == ' ' && s.charAt(end - 2) == '+')) {
                return NONE; // code that builds the command by concatenation
            }
        }
        if (end - start < minLength || allDigits(s, start, end) || Placeholders.isPlaceholder(s, start, end)) {
            return NONE;
        }
        return Verifier.span(start, end);
    }

    /** Whether the command line before {@code at} (same line, bounded) names one of the tools. */
    private static boolean commandMentions(CharSequence s, int at, String[] tools) {
        int from = at;
        while (from > 0 && at - from < MAX_COMMAND && s.charAt(from - 1) != '\n') {
            from--;
        }
        for (String tool : tools) {
            if (Text.indexOf(s, tool, from, at) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        return "`-u user:password` / `--user` after curl or wget, `-pPASSWORD` after mysql; the password is a shell "
                + "word; placeholders and numbers skipped";
    }
}
