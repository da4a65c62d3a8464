package dev.scrubber.core;

/**
 * Passwords in SQL statements, as migration tools, ORMs and database drivers log them: {@code IDENTIFIED BY '…'}
 * (MySQL, Oracle; also {@code IDENTIFIED WITH plugin BY '…'}, {@code IDENTIFIED BY PASSWORD '…'}, and Oracle's bare
 * word after {@code CREATE USER name}, {@code ALTER USER name} or {@code GRANT … TO name}), and a quoted literal
 * after the word {@code PASSWORD} (PostgreSQL's {@code ALTER ROLE app WITH LOGIN PASSWORD '…'}, SQL Server's
 * {@code WITH PASSWORD = '…'}, MySQL's {@code SET PASSWORD [FOR user] = '…'}; a bare {@code password = '…'} is an
 * assignment, read by the named-value rules). Only the literal's content is masked; a doubled quote inside it is
 * SQL's escape. Bind parameters and placeholders ({@code ?}, {@code :pw}, {@code $1}, <code>'${PW}'</code>) are not
 * secrets.
 */
final class SqlPasswordVerifier implements Verifier {
    /** How far {@code IDENTIFIED WITH plugin} may reach before its {@code BY}. */
    private static final int MAX_PLUGIN = 64;
    /** The longest user name read before {@code IDENTIFIED BY} ({@code 'app'@'%'}, {@code "Scott"}). */
    private static final int MAX_USER_NAME = 128;
    private static final int MAX_VALUE = 512;
    private static final int MIN_VALUE = 3;

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        int n = s.length();
        if (anchorStart > 0 && Alphabet.IDENTIFIER.contains(s.charAt(anchorStart - 1))
                || anchorEnd < n && Alphabet.IDENTIFIER.contains(s.charAt(anchorEnd))) {
            return NONE; // part of a longer word: new_password '…' is left to the named-value rules
        }
        char last = Character.toLowerCase(s.charAt(anchorEnd - 1));
        int p;
        boolean bareAllowed = false;
        if (last == 'd') {
            p = ValueSyntax.skipBlanks(s, anchorEnd); // PASSWORD '…'
            if (p == anchorEnd) {
                return NONE; // 'password' => …, "password": … are names, not SQL
            }
            boolean forUser = Text.matchesAt(s, p, "for ", true);
            if (forUser) { // MySQL: SET PASSWORD FOR 'app'@'%' = '…'
                p = ValueSyntax.skipBlanks(s, p + 4);
                while (p < n && !isBlank(s.charAt(p)) && s.charAt(p) != '=') {
                    p++;
                }
                p = ValueSyntax.skipBlanks(s, p);
            }
            if (p < n && s.charAt(p) == '=') {
                if (!forUser && !wordBefore(s, anchorStart, "with") && !wordBefore(s, anchorStart, "set")) {
                    return NONE; // password = '…' is an assignment, left to the named-value rules
                }
                p = ValueSyntax.skipBlanks(s, p + 1); // SQL Server: WITH PASSWORD = '…'; MySQL: SET PASSWORD = '…'
                if (Text.matchesAt(s, p, "password(", true)) {
                    p += 9; // MySQL before 8: = PASSWORD('…')
                }
            } else if (forUser) {
                return NONE;
            }
        } else {
            if (!statementBefore(s, anchorStart)) {
                return NONE; // "resources identified by '…'" is prose: a password follows a user, role or link
            }
            p = last == 'h' ? afterBy(s, anchorEnd) : ValueSyntax.skipBlanks(s, anchorEnd);
            if (p < 0) {
                return NONE;
            }
            if (Text.matchesAt(s, p, "password ", true)) {
                p = ValueSyntax.skipBlanks(s, p + 9); // MySQL: IDENTIFIED BY PASSWORD '…'
            } else if (Text.matchesAt(s, p, "values ", true)) {
                p = ValueSyntax.skipBlanks(s, p + 7); // Oracle: IDENTIFIED BY VALUES '…'
            } else {
                bareAllowed = userBefore(s, anchorStart);
            }
        }
        if (p >= n) {
            return NONE;
        }
        char q = s.charAt(p);
        int start;
        int end;
        if (q == '\'' || q == '"' && last != 'd') { // after PASSWORD a double-quoted word is an identifier
            start = p + 1;
            end = closingQuote(s, start, q);
            if (end < 0) {
                return NONE;
            }
        } else if (bareAllowed) {
            start = p;
            end = p;
            while (end < n && end - p < MAX_VALUE && isBareWordChar(s.charAt(end))) {
                end++;
            }
            if (end < n && !isBareWordEnd(s.charAt(end))) {
                return NONE; // not an Oracle identifier: prose or another syntax
            }
        } else {
            return NONE;
        }
        if (end - start < MIN_VALUE || Placeholders.isPlaceholder(s, start, end) || isBindParameter(s, start, end)) {
            return NONE;
        }
        return Verifier.span(start, end);
    }

    /** Oracle's unquoted password is an identifier: letters, digits, {@code _ $ #}. */
    private static boolean isBareWordChar(char c) {
        return Alphabet.IDENTIFIER.contains(c) || c == '#' || c == '$';
    }

    private static boolean isBareWordEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == ',' || c == ')';
    }

    /**
     * Whether the statement reads {@code CREATE USER name IDENTIFIED BY} or {@code ALTER USER name …} or
     * {@code GRANT … TO name IDENTIFIED BY}: only then is a bare word after {@code BY} read as a password, not in
     * prose ("the user identified by email").
     */
    private static boolean userBefore(CharSequence s, int anchorStart) {
        int i = skipBlanksBack(s, anchorStart);
        if (i == anchorStart) {
            return false;
        }
        int nameEnd = i;
        while (i > 0 && !isBlank(s.charAt(i - 1)) && nameEnd - i < MAX_USER_NAME) {
            i--;
        }
        if (i == nameEnd || i > 0 && !isBlank(s.charAt(i - 1))) {
            return false;
        }
        int wordEnd = skipBlanksBack(s, i);
        int word = wordBack(s, wordEnd);
        if (isWord(s, word, wordEnd, "to")) {
            return true;
        }
        if (!isWord(s, word, wordEnd, "user")) {
            return false;
        }
        int verbEnd = skipBlanksBack(s, word);
        int verb = wordBack(s, verbEnd);
        return verbEnd < word && (isWord(s, verb, verbEnd, "create") || isWord(s, verb, verbEnd, "alter"));
    }

    /** Whether {@code USER}, {@code ROLE}, {@code LINK} or {@code TO} stands as a word earlier on the line. */
    private static boolean statementBefore(CharSequence s, int anchorStart) {
        int from = Math.max(0, anchorStart - MAX_STATEMENT);
        for (int i = anchorStart - 1; i >= from && s.charAt(i) != '\n'; i--) {
            if (i + 2 <= anchorStart && (i == 0 || !Alphabet.IDENTIFIER.contains(s.charAt(i - 1)))) {
                for (String w : STATEMENT_WORDS) {
                    int end = i + w.length();
                    if (end < anchorStart && Text.matchesAt(s, i, w, true)
                            && !Alphabet.IDENTIFIER.contains(s.charAt(end))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final String[] STATEMENT_WORDS = {"user", "role", "link", "to", "login"};
    private static final int MAX_STATEMENT = 256;

    private static int skipBlanksBack(CharSequence s, int i) {
        while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }

    private static int wordBack(CharSequence s, int end) {
        int i = end;
        while (i > 0 && Alphabet.IDENTIFIER.contains(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isWord(CharSequence s, int from, int to, String lowerWord) {
        return to - from == lowerWord.length() && Text.matchesAt(s, from, lowerWord, true);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Whether the word before {@code PASSWORD} is {@code lowerWord} ({@code WITH PASSWORD =}, {@code SET …}). */
    private static boolean wordBefore(CharSequence s, int anchorStart, String lowerWord) {
        int end = skipBlanksBack(s, anchorStart);
        return end < anchorStart && isWord(s, wordBack(s, end), end, lowerWord);
    }

    /** After {@code IDENTIFIED WITH plugin}: where the value after its {@code BY} starts, or -1. */
    private static int afterBy(CharSequence s, int from) {
        int limit = Math.min(s.length(), from + MAX_PLUGIN);
        for (int i = from; i + 4 <= limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == ';') {
                return -1;
            }
            if (c == ' ' && Text.matchesAt(s, i + 1, "by ", true)) {
                return ValueSyntax.skipBlanks(s, i + 4);
            }
        }
        return -1;
    }

    /** The quote that closes a SQL literal opened before {@code from}; a doubled quote is one character. */
    private static int closingQuote(CharSequence s, int from, char q) {
        int limit = Math.min(s.length(), from + MAX_VALUE);
        for (int i = from; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    /** {@code ?}, {@code :name}, {@code $1}, {@code @p0}: a parameter the driver binds, not the password. */
    private static boolean isBindParameter(CharSequence s, int from, int to) {
        char c = s.charAt(from);
        if (c != ':' && c != '$' && c != '@' && c != '?') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!Alphabet.IDENTIFIER.contains(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        return "a quoted literal after `IDENTIFIED BY` (also `IDENTIFIED WITH plugin BY`, `BY PASSWORD`), after "
                + "`PASSWORD`, `WITH`/`SET PASSWORD =` or `SET PASSWORD FOR user =`; Oracle's bare word after "
                + "`CREATE`/`ALTER USER name` or `TO name` `IDENTIFIED BY`; the literal's content, a doubled quote "
                + "inside it kept; bind parameters and placeholders skipped";
    }
}
