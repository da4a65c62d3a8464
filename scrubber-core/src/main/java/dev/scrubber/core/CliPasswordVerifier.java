package dev.scrubber.core;

/**
 * Passwords on a command line that have no name of their own: {@code curl -u user:<password>},
 * {@code --user user:<password>}, {@code mysql -uroot -p<password>}, {@code sshpass -p <password>} (and the
 * registry logins, {@code mongosh}), {@code redis-cli -a <password>}, {@code smbclient -U user%<password>},
 * {@code htpasswd -b file user <password>}, keytool's {@code -storepass <password>} family, OpenSSL's
 * {@code -passin pass:<password>}, {@code sqlcmd -P}, {@code zip -P}, {@code ldapsearch -w}. Only the password is
 * masked, read as a shell word (quotes honoured) or, in a printed argument list ({@code [sqlcmd, -P, …]}), as the
 * option's next element.
 */
final class CliPasswordVerifier implements Verifier {
    private static final String[] HTTP_TOOLS = {"curl", "wget", "http ", "https ", "git "};
    private static final String[] MYSQL_TOOLS = {"mysql", "mariadb"};
    /** Tools whose {@code -p} takes the password as the next word. */
    private static final String[] SPACED_P_TOOLS = {"sshpass", "mongosh", "mongo ", "mongodump", "mongorestore",
        "mongoexport", "mongoimport", " login ", " login,"};
    private static final String[] REDIS_TOOLS = {"redis-cli", "valkey-cli", "keydb-cli"};
    private static final String[] SMB_TOOLS = {"smbclient", "rpcclient", "smbmap", "smbget", "smbcacls"};
    /** Tools whose {@code -P} takes the password as the next word: SQL Server's clients, zip's encryption. */
    private static final String[] CAPITAL_P_TOOLS = {"sqlcmd", "bcp ", "bcp,", "osql", "zip ", "zip,"};
    /** OpenLDAP's clients: {@code -w} takes the bind password as the next word. */
    private static final String[] LDAP_TOOLS = {"ldapsearch", "ldapmodify", "ldapadd", "ldapdelete", "ldappasswd",
        "ldapwhoami", "ldapcompare", "ldapmodrdn", "ldapexop"};
    /**
     * OpenSSL's options whose argument may be {@code pass:<password>}: the anchors, so that the scan triggers on
     * {@code -p} (also mysql's anchor), not on the {@code s:} of every {@code status:}. No blank in an anchor: the
     * scan would trigger on the {@code s } of every plural.
     */
    static final String[] OPENSSL_PASS_OPTIONS = {"-passin", "-passout", "-pass"};
    /** keytool's password options (the anchors; each needs a blank before and after it). */
    static final String[] KEYTOOL_OPTIONS = {"-storepass", "-keypass", "-srcstorepass", "-srckeypass",
        "-deststorepass", "-destkeypass"};
    private static final int MAX_COMMAND = 512;

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        int n = s.length();
        if (isListSeparator(s, anchorEnd) && inList(s, anchorStart)) {
            return listArgument(s, anchorStart, anchorEnd);
        }
        if (s.charAt(anchorEnd - 1) == 'p') {
            if (anchorEnd < n && s.charAt(anchorEnd) == ' ') {
                // sshpass -p <password>, docker login -p <password>
                return commandMentions(s, anchorStart, SPACED_P_TOOLS) ? word(s, anchorEnd + 1, 3) : NONE;
            }
            // mysql -p<password>: the password is glued to the flag
            if (anchorEnd >= n || s.charAt(anchorEnd) == '-' || !commandMentions(s, anchorStart, MYSQL_TOOLS)) {
                return NONE;
            }
            return word(s, anchorEnd, 3);
        }
        boolean blankAfter = anchorEnd < n && s.charAt(anchorEnd) == ' ';
        if (Text.matchesAt(s, anchorStart, " -P", false) && anchorEnd - anchorStart == 3) {
            // sqlcmd -S db -U sa -P <password>, zip -P <password>
            return blankAfter && commandMentions(s, anchorStart, CAPITAL_P_TOOLS) ? word(s, anchorEnd + 1, 3) : NONE;
        }
        if (Text.matchesAt(s, anchorStart, " -w", false) && anchorEnd - anchorStart == 3) {
            // ldapsearch -w <password> (the anchor has no blank after it: "w " ends too many English words)
            return blankAfter && commandMentions(s, anchorStart, LDAP_TOOLS) ? word(s, anchorEnd + 1, 3) : NONE;
        }
        if (isOneOf(s, anchorStart, anchorEnd, OPENSSL_PASS_OPTIONS)) {
            // openssl … -passin pass:<password> (env:, file:, fd: and stdin name where it is, not what)
            int p = ValueSyntax.skipBlanks(s, anchorEnd);
            return blankAfter && Text.matchesAt(s, p, "pass:", false) ? word(s, p + 5, 3) : NONE;
        }
        if (isOneOf(s, anchorStart, anchorEnd, KEYTOOL_OPTIONS)) {
            // keytool -storepass <password>, -srcstorepass, -deststorepass, -keypass, -srckeypass, -destkeypass
            boolean blankBefore = anchorStart >= 1 && s.charAt(anchorStart - 1) == ' ';
            return blankAfter && blankBefore ? word(s, anchorEnd + 1, 3) : NONE;
        }
        if (Text.matchesAt(s, anchorStart, " -U ", false)) {
            // smbclient -U user%<password>
            if (!commandMentions(s, anchorStart, SMB_TOOLS)) {
                return NONE;
            }
            int from = ValueSyntax.skipBlanks(s, anchorEnd);
            int stop = ValueEnd.shellWord(s, from, Math.min(n, from + 1024));
            int percent = Text.indexOf(s, "%", from, stop);
            return percent < 0 ? NONE : word(s, percent + 1, 3, stop);
        }
        if (Text.matchesAt(s, anchorStart, "htpasswd ", false)) {
            return htpasswdBatch(s, anchorEnd);
        }
        if (Text.matchesAt(s, anchorStart, " -a ", false)) {
            return commandMentions(s, anchorStart, REDIS_TOOLS) ? word(s, anchorEnd, 3) : NONE; // redis-cli -a …
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

    /**
     * An option followed by its argument as the next element of a printed argument list (a {@code ProcessBuilder}'s
     * command, {@code Arrays.toString(args)}: {@code [sqlcmd, -U, sa, -P, <password>]}), for the options whose
     * argument is the next word. Elements are separated by a comma and a blank; the password is the whole element.
     */
    private static long listArgument(CharSequence s, int anchorStart, int anchorEnd) {
        String[] tools;
        if (Text.matchesAt(s, anchorStart, " -p", false) && anchorEnd - anchorStart == 3) {
            tools = SPACED_P_TOOLS;
        } else if (Text.matchesAt(s, anchorStart, " -P", false) && anchorEnd - anchorStart == 3) {
            tools = CAPITAL_P_TOOLS;
        } else if (Text.matchesAt(s, anchorStart, " -w", false) && anchorEnd - anchorStart == 3) {
            tools = LDAP_TOOLS;
        } else if (isOneOf(s, anchorStart, anchorEnd, KEYTOOL_OPTIONS)) {
            tools = null;
        } else {
            return NONE;
        }
        if (tools != null && !commandMentions(s, anchorStart, tools)) {
            return NONE;
        }
        int from = anchorEnd + 2;
        int end = from;
        int n = s.length();
        while (end < n && s.charAt(end) != '\n' && !isListSeparator(s, end)
                && !(s.charAt(end) == ']' && (end + 1 == n || !isListElementChar(s.charAt(end + 1))))) {
            end++;
        }
        return end > from ? word(s, from, 3, end) : NONE;
    }

    /** Whether {@code at} holds a list's element separator, a comma and a blank. */
    private static boolean isListSeparator(CharSequence s, int at) {
        return at + 1 < s.length() && s.charAt(at) == ',' && s.charAt(at + 1) == ' ';
    }

    /** Whether a list's closing bracket at some position is followed by more of the same element. */
    private static boolean isListElementChar(char c) {
        return c != ' ' && c != ',' && c != ';' && c != ')' && c != '"' && c != '\'' && c != '\n' && c != '\r';
    }

    /** Whether {@code at} stands inside a bracketed list opened earlier on its line. */
    private static boolean inList(CharSequence s, int at) {
        for (int i = at - 1; i >= 0 && at - i < MAX_COMMAND; i--) {
            char c = s.charAt(i);
            if (c == '[') {
                return true;
            }
            if (c == ']' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    private static long word(CharSequence s, int from, int minLength) {
        return word(s, from, minLength, ValueEnd.shellWord(s, from, Math.min(s.length(), from + 1024)));
    }

    private static long word(CharSequence s, int from, int minLength, int end) {
        int start = from;
        while (end > start && ",;.:".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end > start && ValueSyntax.isQuote(s.charAt(end - 1)) && s.charAt(start) != s.charAt(end - 1)
                && Text.indexOf(s, String.valueOf(s.charAt(end - 1)), start, end - 1) < 0) {
            end--; // the closing quote of a string around the command: "run `-p PASSWORD`"
        }
        end = ValueEnd.stripUnmatchedClosers(s, start, end);
        if (end - start >= 2 && (s.charAt(start) == '\'' || s.charAt(start) == '"')
                && s.charAt(end - 1) == s.charAt(start)) {
            start++;
            end--;
            if (end - start >= 2 && (s.charAt(start) == ' ' && s.charAt(start + 1) == '+'
                    || s.charAt(end - 1) == ' ' && s.charAt(end - 2) == '+')
                    || end - start >= 3 && (ValueSyntax.isQuote(s.charAt(start)) && s.charAt(start + 1) == ' '
                    && s.charAt(start + 2) == '+' || ValueSyntax.isQuote(s.charAt(end - 1))
                    && s.charAt(end - 2) == ' ' && s.charAt(end - 3) == '+')) {
                return NONE; // code that builds the command by concatenation: "-p '" + pw + "'"
            }
        }
        if (end - start < minLength || allDigits(s, start, end) || Placeholders.isPlaceholder(s, start, end)) {
            return NONE;
        }
        return Verifier.span(start, end);
    }

    /** {@code htpasswd -b[c…] file user <password>}: with {@code -b} the password is the third word. */
    private static long htpasswdBatch(CharSequence s, int from) {
        int n = s.length();
        int p = ValueSyntax.skipBlanks(s, from);
        boolean batch = false;
        int words = 0;
        while (p < n && s.charAt(p) != '\n' && words < 3) {
            int stop = ValueEnd.shellWord(s, p, Math.min(n, p + 1024));
            if (stop <= p) {
                return NONE;
            }
            if (s.charAt(p) == '-' && words == 0) {
                batch |= Text.indexOf(s, "b", p, stop) >= 0;
            } else if (++words == 3) {
                return batch ? word(s, p, 3, stop) : NONE;
            }
            p = ValueSyntax.skipBlanks(s, stop);
        }
        return NONE;
    }

    /** Whether {@code s[from, to)} is exactly one of {@code words}. */
    private static boolean isOneOf(CharSequence s, int from, int to, String[] words) {
        for (String word : words) {
            if (to - from == word.length() && Text.matchesAt(s, from, word, false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the command line before {@code at} (same line, bounded) names one of the tools. */
    private static boolean commandMentions(CharSequence s, int at, String[] tools) {
        int from = at;
        while (from > 0 && at - from < MAX_COMMAND && s.charAt(from - 1) != '\n') {
            from--;
        }
        int to = Math.min(s.length(), at + 1); // " login " may end with the blank that starts " -p"
        for (String tool : tools) {
            if (Text.indexOf(s, tool, from, to) >= 0) {
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
        return "`-u user:password` / `--user` after curl or wget, `-pPASSWORD` after mysql, `-p PASSWORD` after "
                + "sshpass, mongosh or a registry login, `-a PASSWORD` after redis-cli, `-U user%PASSWORD` after smbclient, "
                + "`htpasswd -b file user PASSWORD`, keytool's `-storepass` family, "
                + "OpenSSL's `pass:PASSWORD`, `-P PASSWORD` after sqlcmd or zip, `-w PASSWORD` after ldapsearch; "
                + "the password is a shell word; placeholders and numbers skipped";
    }
}
