package dev.scrubber.core;

/**
 * The password in a URI's user-info, {@code scheme://user:PASSWORD@host}, and in an Oracle thin JDBC URL,
 * {@code jdbc:oracle:thin:user/PASSWORD@host}; only the password is masked.
 *
 * <p>Passwords are often written raw, not percent-encoded (a {@code / ? # @} inside the password, and
 * {@link java.net.URISyntaxException} messages quote the raw input), so the user-info ends at the first {@code @}
 * that a host follows (a name or an IPv6 literal, an optional port, then the end of the authority), not at the first
 * character a URI would forbid there. A colon that a port follows ({@code host:8443/…}, SQL Server's
 * {@code host:1433;databaseName=…}) is no user-info; a quote ends the URI where a boundary follows it.
 */
final class UriPasswordVerifier implements Verifier {
    private static final Alphabet SCHEME = Alphabet.of("scheme", "A-Za-z0-9+.-");
    private static final Alphabet END_OF_AUTHORITY = Alphabet.of("authority end", " \t\r\n\"'<>\\/?#`");
    private static final Alphabet HOST = Alphabet.of("host", "A-Za-z0-9._-");
    /** What may follow a quote that ends the URI. */
    private static final String BOUNDARY = " \t\r\n,;)}]>\"'`\\";
    private static final int MAX_USERINFO = 256;

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        if (s.charAt(anchorStart) == 'j') {
            return oracle(s, anchorEnd);
        }
        int schemeStart = anchorStart;
        while (schemeStart > 0 && anchorStart - schemeStart < 32 && SCHEME.contains(s.charAt(schemeStart - 1))) {
            schemeStart--;
        }
        if (anchorStart - schemeStart < 2 || !Alphabet.LETTERS.contains(s.charAt(schemeStart))) {
            return NONE;
        }
        int limit = Math.min(s.length(), anchorEnd + MAX_USERINFO);
        int colon = -1;
        for (int p = anchorEnd; p < limit; p++) {
            char c = s.charAt(p);
            if (c < ' ' || c == '@' || END_OF_AUTHORITY.contains(c)) {
                break; // no user-info, or a user without a password
            }
            if (c == ':') {
                colon = p;
                break;
            }
        }
        if (colon < 0 || isPort(s, colon + 1)) {
            return NONE;
        }
        int at = userInfoEnd(s, colon + 1, limit, false);
        if (at < 0 || Placeholders.isPlaceholder(s, colon + 1, at) || ValueFilter.isConcatenation(s, colon + 1, at)) {
            return NONE;
        }
        return Verifier.span(colon + 1, at);
    }

    /**
     * The {@code @} that ends a raw password starting at {@code from}: the first one a host follows that ends
     * the authority the way URIs do ({@code :port}, {@code /}, the end of the URI), else the first one that a query
     * or fragment follows, else the first one that punctuation follows ({@code (postgres://a:b@db)}); -1 for none.
     */
    private static int userInfoEnd(CharSequence s, int from, int limit, boolean oracle) {
        int medium = -1;
        int weak = -1;
        for (int p = from; p < limit; p++) {
            char c = s.charAt(p);
            if (c <= ' ' || endsUri(s, p)) {
                break;
            }
            if (c == '@' && p > from) {
                int strength = oracle && (Text.matchesAt(s, p + 1, "//", false)
                        || Text.matchesAt(s, p + 1, "(description", true)) ? STRONG : hostFollows(s, p + 1);
                if (strength == STRONG) {
                    return p;
                }
                if (strength == MEDIUM && medium < 0) {
                    medium = p;
                } else if (strength == WEAK && weak < 0) {
                    weak = p;
                }
            }
        }
        return medium >= 0 ? medium : weak;
    }

    private static final int NO_HOST = 0;
    private static final int WEAK = 1;
    private static final int MEDIUM = 2;
    private static final int STRONG = 3;

    /** {@code jdbc:oracle:thin:user/password@host…} (also {@code oci:}): after the anchor {@code jdbc:oracle:}. */
    private static long oracle(CharSequence s, int p) {
        int n = s.length();
        int q = p;
        while (q < n && q - p < 8 && Alphabet.LETTERS.contains(s.charAt(q))) {
            q++;
        }
        if (q == p || q >= n || s.charAt(q) != ':') {
            return NONE;
        }
        int user = q + 1;
        int slash = user;
        while (slash < n && slash - user < 128 && (HOST.contains(s.charAt(slash)) || s.charAt(slash) == '$'
                || s.charAt(slash) == '#')) {
            slash++;
        }
        if (slash == user || slash >= n || s.charAt(slash) != '/') {
            return NONE; // jdbc:oracle:thin:@//host:1521/svc has no credentials in it
        }
        int start = slash + 1;
        int limit = Math.min(n, start + MAX_USERINFO);
        if (ValueFilter.isConcatenation(s, start, Math.min(n, start + 8))) {
            return NONE; // "jdbc:oracle:thin:app/" + password + "@…" in code
        }
        if (start < n && s.charAt(start) == '"') {
            for (int i = start + 1; i + 1 < limit; i++) {
                if (s.charAt(i) == '"' && s.charAt(i + 1) == '@') {
                    return i > start + 1 ? Verifier.span(start + 1, i) : NONE; // a quoted password, which may hold an @
                }
            }
            return NONE;
        }
        int at = userInfoEnd(s, start, limit, true);
        return at < 0 || Placeholders.isPlaceholder(s, start, at) ? NONE : Verifier.span(start, at);
    }

    /** One to five digits, then the end of the authority: a port, not a password. */
    private static boolean isPort(CharSequence s, int p) {
        int n = s.length();
        int q = p;
        while (q < n && q - p < 6 && s.charAt(q) >= '0' && s.charAt(q) <= '9') {
            q++;
        }
        if (q == p || q - p > 5) {
            return false;
        }
        if (q >= n || s.charAt(q) <= ' ' || "/?#;\"'`\\".indexOf(s.charAt(q)) >= 0) {
            return true;
        }
        if (",)]}>".indexOf(s.charAt(q)) < 0) {
            return false;
        }
        for (int i = q; i < n && i - q < MAX_USERINFO && s.charAt(i) > ' '; i++) {
            if (s.charAt(i) == '@') {
                return false; // "(see http://host:8080)" is a port; ":8,x@db" a password
            }
        }
        return true;
    }

    /** A quote that a boundary follows, or a backslash-quote: the end of a URI written inside a string. */
    private static boolean endsUri(CharSequence s, int p) {
        char c = s.charAt(p);
        int next = p + 1;
        if (c == '\\' && next < s.length() && ValueSyntax.isQuote(s.charAt(next))) {
            return true;
        }
        if (!ValueSyntax.isQuote(c)) {
            return false;
        }
        return next >= s.length() || BOUNDARY.indexOf(s.charAt(next)) >= 0;
    }

    /**
     * How surely a host starts at {@code p} and ends the authority: a name or an IPv6 literal, then a port, a path,
     * the end of the URI ({@link #STRONG}); a query or a fragment ({@link #MEDIUM}); punctuation ({@link #WEAK}).
     */
    private static int hostFollows(CharSequence s, int p) {
        int n = s.length();
        if (p >= n) {
            return NO_HOST;
        }
        int q = p;
        if (s.charAt(q) == '[') {
            while (q < n && q - p < 48 && s.charAt(q) != ']') {
                q++;
            }
            if (q >= n || s.charAt(q) != ']') {
                return NO_HOST;
            }
            q++;
        } else {
            if (!Character.isLetterOrDigit(s.charAt(q)) || s.charAt(q) > 127) {
                return NO_HOST;
            }
            while (q < n && q - p < 256 && HOST.contains(s.charAt(q))) {
                q++;
            }
        }
        if (q < n && s.charAt(q) == ':') {
            int port = q + 1;
            while (port < n && port - q <= 5 && s.charAt(port) >= '0' && s.charAt(port) <= '9') {
                port++;
            }
            if (port == q + 1) {
                return NO_HOST;
            }
            return port >= n || s.charAt(port) <= ' ' || "/?#,;)]}\"'`>\\".indexOf(s.charAt(port)) >= 0 ? STRONG
                    : NO_HOST;
        }
        if (q >= n || s.charAt(q) <= ' ' || s.charAt(q) == '/' || endsUri(s, q)) {
            return STRONG;
        }
        char c = s.charAt(q);
        return c == '?' || c == '#' ? MEDIUM : ",;)]}>".indexOf(c) >= 0 ? WEAK : NO_HOST;
    }

    @Override
    public String describe() {
        return "`scheme://user:password@host` and `jdbc:oracle:thin:user/password@host`; only the password is "
                + "masked (raw punctuation included: it ends at the `@` a host follows); placeholders skipped";
    }
}
