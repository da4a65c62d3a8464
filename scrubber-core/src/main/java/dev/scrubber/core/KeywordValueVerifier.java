package dev.scrubber.core;

import java.util.List;

/**
 * A value under a sensitive name: {@code password=…}, {@code "apiKey": "…"}, {@code <secret>…</secret>},
 * {@code Authorization: Bearer …}, {@code {username=app, password=…}}, {@code --token …}. Only the value is masked.
 * One mechanism for every assignment-like rule, in four stages:
 *
 * <ol>
 *   <li>{@link NameFinder}: where the name around the anchor starts and ends; {@link SensitiveKeys}: whether it is
 *       sensitive, and how much evidence its value needs (rules anchored on the vocabulary), or the anchor is the
 *       name itself (rules for a fixed header or parameter);</li>
 *   <li>{@link ValueSyntax}: the operator, and the value's syntax from what surrounds the pair;</li>
 *   <li>{@link ValueEnd}: where the value ends, by that syntax's rule;</li>
 *   <li>{@link ValueFilter}, {@link Placeholders}: whether the value is a secret.</li>
 * </ol>
 */
final class KeywordValueVerifier implements Verifier {
    final int minLength;
    final int maxLength;
    final double minEntropy;
    final boolean requireDigit;
    final boolean operatorOptional;
    final List<String> schemes;
    final Alphabet valueAlphabet;
    /** How {@code Optional.toString()} wraps a present value: {@code password=Optional[…]} in a record dump. */
    private static final String OPTIONAL = "Optional[";
    /** Tiers of the name vocabulary this rule masks, one bit per tier; 0 when the keyword is the name. */
    final int tiers;

    KeywordValueVerifier(int minLength, int maxLength, double minEntropy, boolean requireDigit,
            boolean operatorOptional, List<String> schemes, Alphabet valueAlphabet, int tiers) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.minEntropy = minEntropy;
        this.requireDigit = requireDigit;
        this.operatorOptional = operatorOptional;
        this.schemes = List.copyOf(schemes);
        this.valueAlphabet = valueAlphabet;
        this.tiers = tiers;
    }

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        int n = s.length();
        int nameEnd = anchorEnd;
        while (nameEnd > anchorStart + 1 && !NameFinder.isNameChar(s.charAt(nameEnd - 1))) {
            nameEnd--; // an anchor such as key= or key" ends with its operator or quote
        }
        long name = NameFinder.around(s, anchorStart, nameEnd);
        if (name < 0) {
            return NONE;
        }
        int ns = SensitiveKeys.start(name);
        if (Placeholders.insideMask(s, ns)) {
            return NONE; // the rule id inside one of our masks
        }
        int tier;
        if (tiers != 0) {
            nameEnd = SensitiveKeys.end(name);
            tier = state.nameTiers.classify(s, ns, nameEnd);
            if ((tiers & (1 << tier)) == 0 || ValueFilter.insideArn(s, ns)) {
                return NONE;
            }
        } else {
            if (nameEnd == anchorEnd && anchorEnd < n && Alphabet.IDENTIFIER.contains(s.charAt(anchorEnd))) {
                return NONE; // password_hash= is not a password
            }
            tier = SensitiveKeys.NONE;
        }
        if (state.nameOwner == this && state.nameStart == ns && state.nameEnd == nameEnd) {
            return NONE; // the same name, reached through another of this rule's anchors
        }
        state.nameOwner = this;
        state.nameStart = ns;
        state.nameEnd = nameEnd;
        Assignment a = state.assignment;
        if (!ValueSyntax.parse(s, ns, nameEnd, operatorOptional, a)
                && (tier != SensitiveKeys.PASSWORD || !ValueSyntax.prose(s, ns, nameEnd, a))
                && (tier != SensitiveKeys.CREDENTIAL && tier != SensitiveKeys.PASSWORD
                        || !ValueSyntax.bareToken(s, ns, nameEnd, a))) {
            // A type named as a secret, rendered with its fields (Secret[name=db, value=…], ApiKey(value=…)).
            return tiers != 0 && nameEnd < n && isStructure(s, nameEnd) ? innerValue(s, nameEnd, tier, state) : NONE;
        }
        int start = a.valueStart;
        if (!a.quoted() && valueAlphabet == null && start + 1 < n && s.charAt(start) == '['
                && !Placeholders.followedByMask(s, start) && isListSyntax(a.syntax) && !isStructure(s, start)
                && ValueEnd.listedEnd(s, ns, start + 1, Math.min(n, start + 1 + maxLength)) > start + 1) {
            a.listed = true; // a header map's list value, {X-Api-Key=[…]}: its elements are masked
            a.valueStart = ++start;
        }
        if (!schemes.isEmpty()) {
            int scheme = start;
            start = skipScheme(s, start);
            if (start == PARAMETERS) {
                // Digest, OAuth 1, HTTP signatures: name="value" parameters, found under their own names
                // (oauth_signature, oauth_token); Digest's response, a hash of the password, is masked here.
                return Text.matchesAt(s, scheme, "digest ", true) ? digestResponse(s, scheme) : NONE;
            }
            if (start < 0) {
                return NONE; // AWS SigV4: its Credential and Signature parameters are named values of their own
            }
            a.valueStart = start;
        }
        if (start >= n) {
            return NONE;
        }
        if (tiers != 0 && a.operator == ':' && !a.quoted() && !a.nameQuoted && namesCookies(s, ns, nameEnd)
                && ValueEnd.pairFollowsStrict(s, start)) {
            // A cookie header is a list (theme, then JSESSIONID …): a cookie named as a secret is found under its
            // name; of the others, the first whose value looks random (remember-me, sid) is masked here. A header
            // that does not read as a cookie list is one value.
            long cookie = randomCookie(s, start, state);
            if (cookie != NOT_A_COOKIE_LIST) {
                return cookie;
            }
        }
        if (!a.quoted() && valueAlphabet == null && !isRawSyntax(a.syntax)) {
            int bracket = DumpParse.nestedDumpAt(s, start);
            if (bracket > start && isStructure(s, bracket)) {
                // A nested object (credentials=Credentials(user=…, password=…)): its own names are checked where
                // they stand; a field named only "value" is the secret the outer name promised (Token(value=…)).
                return tiers != 0 ? innerValue(s, bracket, tier, state) : NONE;
            }
            if (s.charAt(start) != '(' && isStructure(s, start)) {
                // a nested map or list: its own names are checked where they stand
                return tiers != 0 ? innerValue(s, start, tier, state) : NONE;
            }
        }
        int limit = Math.min(n, start + maxLength);
        int end;
        long block;
        if (valueAlphabet != null) {
            end = start;
            while (end < limit && valueAlphabet.contains(s.charAt(end))) {
                end++;
            }
            if (end < n && (s.charAt(end) == ':' || s.charAt(end) == '@')) {
                return NONE; // part of a larger token: a coordinate, an object reference
            }
        } else if (!a.quoted() && a.operator == ':' && (s.charAt(start) == '|' || s.charAt(start) == '>')
                && (block = ValueEnd.yamlBlock(s, a.nameStart, start, limit)) >= 0) {
            start = (int) (block >>> 32); // password: |- on its own line, the value on the indented lines below
            end = (int) block;
        } else {
            end = credentialScope(s, start, ValueEnd.find(s, a, limit));
            if (!a.quoted() && end - start > OPTIONAL.length() && s.charAt(end - 1) == ']'
                    && Text.matchesAt(s, start, OPTIONAL, false)) {
                start += OPTIONAL.length(); // java.util.Optional's toString: the value is inside
                end--;
            }
            if (a.unclosedQuote && a.syntax == ValueSyntax.LINE && a.level == 0 && start > 0
                    && ValueSyntax.isQuote(s.charAt(start - 1))) {
                start--; // a config line's value that starts with a quote it never closes: the quote is the value's
            }
        }
        long fallback = templateDefault(s, start, end);
        if (fallback != NONE) {
            start = (int) (fallback >>> 32); // ${DB_PASSWORD:…}: the default is the value used without the variable
            end = (int) fallback;
        }
        return accept(s, start, end, tier, a, state) ? Verifier.span(start, end) : NONE;
    }

    /** Config providers that Kafka and Spring Cloud resolve {@code ${provider:…}} with. */
    private static final WordSet PROVIDERS = WordSet.ignoringCase("file", "env", "directory", "dir", "vault", "sm",
            "aws", "ssm", "secret", "secrets", "k8s", "kubernetes", "keyvault", "gcp", "azure");

    /**
     * The default of a template variable that makes up the whole value, Spring's {@code ${NAME:default}} and the
     * shell's {@code ${NAME:-default}}, as a span; {@link #NONE} for another value or an empty default.
     */
    private static long templateDefault(CharSequence s, int start, int end) {
        if (end - start < 5 || s.charAt(start) != '$' || s.charAt(start + 1) != '{' || s.charAt(end - 1) != '}') {
            return NONE;
        }
        int p = start + 2;
        while (p < end && (NameFinder.isNameChar(s.charAt(p)))) {
            p++;
        }
        if (p == start + 2 || p >= end - 1 || s.charAt(p) != ':') {
            return NONE;
        }
        int from = p + 1 < end && s.charAt(p + 1) == '-' ? p + 2 : p + 1;
        if (s.charAt(from) == '/' || PROVIDERS.contains(s, start + 2, p)) {
            return NONE; // ${file:/run/secrets/app.properties:password}, ${sm://db}: where the secret is kept
        }
        for (int i = from; i < end - 1; i++) {
            if (s.charAt(i) == '$' || s.charAt(i) == '{' || s.charAt(i) == '}') {
                return NONE; // a nested variable: ${A:${B}}
            }
        }
        return from < end - 1 ? Verifier.span(from, end - 1) : NONE;
    }

    private boolean accept(CharSequence s, int start, int end, int tier, Assignment a, ScanState state) {
        if (end - start < minLength) {
            return false;
        }
        if (a.prose && !looksGenerated(s, start, end, state)) {
            return false; // "the password is incorrect", "… was reset at 10:00"
        }
        if (Placeholders.isPlaceholder(s, start, end, valueAlphabet == null) || Placeholders.followedByMask(s, end)
                || !a.quoted() && (Placeholders.cutPlaceholderEnd(s, start, end) > end
                        || placeholderBeforePunctuation(s, start, end))) {
            return false;
        }
        if (isSchemeWord(s, start, end) || ValueFilter.isConcatenation(s, start, end)) {
            return false;
        }
        if (ValueFilter.isLookAlike(s, start, end, a.spacedOperator, a.quoted() || a.unclosedQuote)) {
            return false;
        }
        if (a.quoted() && concatenated(s, end, a.level)) {
            return false; // "sk-ant-api03-" + random(…): a string literal in code
        }
        if (tiers != 0) {
            return ValueFilter.accepts(s, start, end, tier, a, state);
        }
        boolean lettersOnly = !ValueFilter.hasDigitOrSymbol(s, start, end);
        if (lettersOnly && (requireDigit || !a.quoted() && (a.spacedOperator || ValueFilter.isProse(s, start, end)))) {
            return false;
        }
        return minEntropy <= 0 || Entropy.bitsPerChar(s, start, end, state.counts) >= minEntropy;
    }

    /**
     * A placeholder that the value's syntax read with the punctuation after it (an option's {@code <…>} before a comma,
     * a closing brace or parenthesis): the shape is the placeholder's, and a real password keeps its punctuation.
     */
    private boolean placeholderBeforePunctuation(CharSequence s, int start, int end) {
        int e = end;
        while (e > start + 2 && end - e < 3 && ",;.)}]".indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return e < end && (s.charAt(start) == '<' || s.charAt(start) == '$' || s.charAt(start) == '{')
                && Placeholders.isPlaceholder(s, start, e, valueAlphabet == null);
    }

    /** Eight characters or more, letters and digits mixed, random enough: what a sentence's password looks like. */
    private static boolean looksGenerated(CharSequence s, int start, int end, ScanState state) {
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            letter |= Character.isLetter(c);
            digit |= c >= '0' && c <= '9';
        }
        return end - start >= 8 && letter && digit && !isCamelCaseName(s, start, end)
                && Entropy.bitsPerChar(s, start, end, state.counts) >= 3.0;
    }

    /**
     * A class or method name in a sentence ({@code OAuth2PasswordGrantFilter}, {@code JwtDecoderImpl2}): two or more
     * capitalised words of three lower-case letters or more making up most of it. A generated password has none.
     */
    private static boolean isCamelCaseName(CharSequence s, int start, int end) {
        int words = 0;
        int covered = 0;
        for (int i = start; i < end; ) {
            int j = i + 1;
            while (j < end && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
                j++;
            }
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' && j - i >= 4) {
                words++;
                covered += j - i;
            }
            i = j;
        }
        return words >= 2 && covered * 4 >= (end - start) * 3;
    }

    private static boolean concatenated(CharSequence s, int end, int level) {
        int p = ValueSyntax.skipBlanks(s, end + (1 << level));
        return p < s.length() && s.charAt(p) == '+' && p > end + (1 << level);
    }

    /**
     * A value that opens a nested structure that closes on its line: a map ({@code {key=…}}, {@code {"a": …}}), a
     * record's fields after its type name ({@code (name=…)} in {@code Creds(name=…)}),
     * a list of maps, lists or objects ({@code [{…}]}, {@code [[…]]}, {@code [Secret[name=…]]}), an empty one
     * ({@code {}}). A value that merely starts with brackets ({@code [[Ab3…}, {@code []<x…}, {@code [X=…} with no
     * {@code ]} after it) is a value, and a list of plain elements ({@code [k1, k2]}) is the values themselves.
     */
    private static boolean isStructure(CharSequence s, int p) {
        int n = s.length();
        char c = s.charAt(p);
        if (c != '{' && c != '[' && c != '(') {
            return false;
        }
        int q = ValueSyntax.skipBlanks(s, p + 1);
        if (q >= n) {
            return true;
        }
        char next = s.charAt(q);
        if (next == (c == '{' ? '}' : c == '(' ? ')' : ']')) {
            return q + 1 >= n || STRUCTURE_FOLLOWERS.indexOf(s.charAt(q + 1)) >= 0; // empty
        }
        if (c == '(' || p > 0 && Alphabet.IDENTIFIER.contains(s.charAt(p - 1))) {
            // A record's fields after its type name, Type(name=…): it must close, or a password such as
            // "Ab[cd=e" would read as one.
            return ValueEnd.pairFollowsStrict(s, q) && closesOnItsLine(s, p, false);
        }
        if (c == '{') {
            return (next == '"' || next == '\'' || ValueEnd.pairFollowsStrict(s, q)) && closesOnItsLine(s, p);
        }
        if (next == '{' || next == '[') {
            return isStructure(s, q) && closesOnItsLine(s, p);
        }
        int w = q;
        while (w < n && w - q < 64 && Alphabet.IDENTIFIER.contains(s.charAt(w))) {
            w++;
        }
        return w > q && w < n && (s.charAt(w) == '[' || s.charAt(w) == '(' || s.charAt(w) == '{')
                && ValueEnd.pairFollowsStrict(s, w + 1) && closesOnItsLine(s, p); // a list of records
    }

    /**
     * The value of the first cookie in the list at {@code from} ({@code a=1; b=2}) whose name is no secret's name
     * and whose value looks random, as a bare {@code key}'s must; {@link #NONE} when there is none.
     */
    private static long randomCookie(CharSequence s, int from, ScanState state) {
        int n = s.length();
        int limit = Math.min(n, from + 4096);
        long found = NONE;
        int p = from;
        while (p < limit) {
            int nameEnd = p;
            while (nameEnd < limit && NameFinder.isNameChar(s.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == p || nameEnd >= limit || s.charAt(nameEnd) != '=') {
                // Set-Cookie's attributes after its cookie (HttpOnly, Secure), or no cookie list at all
                return p > from ? found : NOT_A_COOKIE_LIST;
            }
            int v = nameEnd + 1;
            int e = v;
            while (e < limit && COOKIE_OCTETS.indexOf(s.charAt(e)) < 0 && s.charAt(e) > ' ' && s.charAt(e) < 127) {
                e++;
            }
            if (found == NONE && SensitiveKeys.classify(s, p, nameEnd) == SensitiveKeys.NONE
                    && e - v >= ValueFilter.WEAK_MIN_LENGTH && ValueFilter.looksRandom(s, v, e)
                    && Entropy.bitsPerChar(s, v, e, state.counts) >= ValueFilter.WEAK_MIN_ENTROPY) {
                found = Verifier.span(v, e);
            }
            if (e >= limit || ValueEnd.isEol(s, e) || s.charAt(e) == '"' || s.charAt(e) == '[') {
                return found; // the header's end (a wire log's quote, its [\r][\n])
            }
            if (s.charAt(e) == ',' && p > from) {
                return found; // Set-Cookie's Expires=Wed, 21 Oct …
            }
            if (s.charAt(e) != ';' || e + 1 < limit && s.charAt(e + 1) != ' ') {
                return NOT_A_COOKIE_LIST; // a character no cookie value holds: one value, not a list
            }
            p = e + 2;
        }
        return found;
    }

    /** What ends a cookie's value (RFC 6265's cookie-octet excludes them, and blanks). */
    private static final String COOKIE_OCTETS = ";,\"\\[";
    private static final long NOT_A_COOKIE_LIST = -2;

    /** Whether the name {@code s[ns, ne)} is a cookie header's ({@code Cookie}, {@code Set-Cookie}, {@code cookies}). */
    private static boolean namesCookies(CharSequence s, int ns, int ne) {
        int len = ne - ns;
        return len >= 6 && Text.matchesAt(s, ne - 6, "cookie", true)
                || len >= 7 && Text.matchesAt(s, ne - 7, "cookies", true);
    }

    /**
     * The value of the field named {@code value} directly inside the structure opened at {@code bracket}
     * ({@code Token(type=Bearer, value=…)}), accepted with the tier of the name the structure stands under;
     * {@link #NONE} when it has no such field.
     */
    private long innerValue(CharSequence s, int bracket, int tier, ScanState state) {
        int n = s.length();
        char opener = s.charAt(bracket);
        char closer = opener == '{' ? '}' : opener == '(' ? ')' : ']';
        int limit = Math.min(n, bracket + 8192);
        int depth = 0;
        for (int i = bracket + 1; i < limit && !ValueEnd.isEol(s, i); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                if (depth-- == 0) {
                    return NONE;
                }
            } else if (depth == 0 && (c == 'v' || c == 'V') && Text.matchesAt(s, i, VALUE, true)
                    && !NameFinder.isNameChar(s.charAt(i - 1)) && i + VALUE.length() < n) {
                Assignment a = state.assignment;
                int nameEnd = i + VALUE.length();
                if (NameFinder.isNameChar(s.charAt(nameEnd)) || !ValueSyntax.parse(s, i, nameEnd, false, a)
                        || a.syntax != ValueSyntax.DUMP && !a.quoted()) {
                    continue;
                }
                int start = a.valueStart;
                int end = ValueEnd.find(s, a, Math.min(n, start + maxLength));
                return start < n && accept(s, start, end, tier, a, state) ? Verifier.span(start, end) : NONE;
            }
        }
        return NONE;
    }

    private static final String VALUE = "value";

    /**
     * Whether the structure opened at {@code p} closes on its line (or the text is cut before the line ends): a
     * value that merely starts like one ({@code [X=…} with no {@code ]} after it) is a value.
     */
    private static boolean closesOnItsLine(CharSequence s, int p) {
        return closesOnItsLine(s, p, true);
    }

    /** As {@link #closesOnItsLine(CharSequence, int)}; a text cut before the closer counts only when {@code cut}. */
    private static boolean closesOnItsLine(CharSequence s, int p, boolean cut) {
        char opener = s.charAt(p);
        char closer = opener == '{' ? '}' : opener == '(' ? ')' : ']';
        int n = s.length();
        int limit = Math.min(n, p + 8192);
        int depth = 0;
        for (int i = p; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return false;
            }
            if (c == opener) {
                depth++;
            } else if (c == closer && --depth == 0) {
                // a structure ends where its entry would: "{m=p3}~,q{J" on a properties line is one raw value
                return i + 1 >= n || STRUCTURE_FOLLOWERS.indexOf(s.charAt(i + 1)) >= 0;
            }
        }
        return cut;
    }

    /** What follows the bracket that closes a nested structure (or its empty form). */
    private static final String STRUCTURE_FOLLOWERS = "}]),; \t\n\r\"'";

    /** {@link #skipScheme}'s answer for a scheme followed by {@code name="value"} parameters. */
    private static final int PARAMETERS = -2;

    /**
     * After {@code Authorization:}, skips the scheme word (any token of letters, digits, {@code -}, {@code _}
     * followed by a blank: {@code Bearer}, {@code Api-Token}, {@code Bearer-Token}); -1 for AWS SigV4,
     * {@link #PARAMETERS} when parameters follow the scheme ({@code Digest username="…", …}).
     */
    private static int skipScheme(CharSequence s, int p) {
        int n = s.length();
        if (Text.matchesAt(s, p, "aws4-", true)) {
            return -1;
        }
        int q = p;
        while (q < n && q - p < 40 && (Character.isLetterOrDigit(s.charAt(q)) && s.charAt(q) < 128
                || s.charAt(q) == '-' || s.charAt(q) == '_')) {
            q++;
        }
        if (q == p || q >= n) {
            return p;
        }
        if (s.charAt(q) == ' ') {
            int r = ValueSyntax.skipBlanks(s, q);
            if (quotedParameterAt(s, r)) {
                return PARAMETERS;
            }
            return r < n && !ValueEnd.isEol(s, r) && !ValueSyntax.isQuote(s.charAt(r)) && s.charAt(r) != ','
                    ? r : p;
        }
        return Text.matchesAt(s, q, "%20", false) ? q + 3 : p;
    }

    /**
     * Whether {@code name="value"} starts at {@code p}: an auth parameter. Its name is a word (letters, {@code _},
     * {@code -}; no digits, so that base64 padding before a closing quote, {@code "Basic c3Zj…Xo="}, is no name) and a
     * value follows its quote.
     */
    private static boolean quotedParameterAt(CharSequence s, int p) {
        int n = s.length();
        int q = p;
        while (q < n && q - p <= 32 && (Alphabet.LETTERS.contains(s.charAt(q)) || s.charAt(q) == '_'
                || s.charAt(q) == '-')) {
            q++;
        }
        return q > p && q + 2 < n && s.charAt(q) == '=' && s.charAt(q + 1) == '"'
                && ",}]\"\\\n\r".indexOf(s.charAt(q + 2)) < 0;
    }

    /** Digest's {@code response="…"} on the header's line: the hash a password can be guessed back from. */
    private static long digestResponse(CharSequence s, int from) {
        int n = s.length();
        int eol = from;
        while (eol < n && eol - from < 4096 && !ValueEnd.isEol(s, eol)) {
            eol++;
        }
        for (int at = Text.indexOf(s, "response=\"", from, eol); at >= 0;
                at = Text.indexOf(s, "response=\"", at + 1, eol)) {
            char before = s.charAt(at - 1);
            if (before != ' ' && before != ',') {
                continue; // rspauth, a parameter whose name only ends in response
            }
            int start = at + "response=\"".length();
            int end = Text.indexOf(s, "\"", start, eol);
            return end > start ? Verifier.span(start, end) : NONE;
        }
        return NONE;
    }

    /**
     * Whether a value that starts with {@code [} may be a list in this syntax: not in a shell word, an argument list,
     * or a raw value (see {@link #isRawSyntax}), which is written as it is (a bracket and all).
     */
    private static boolean isListSyntax(int syntax) {
        return syntax != ValueSyntax.SHELL && syntax != ValueSyntax.LIST && !isRawSyntax(syntax);
    }

    /**
     * A config line (an environment or .env line, a properties file), a query string, a connection string: a value
     * there is text, {@code {…}} and {@code […]} included.
     */
    private static boolean isRawSyntax(int syntax) {
        return syntax == ValueSyntax.LINE || syntax == ValueSyntax.QUERY || syntax == ValueSyntax.CONNECTION
                || syntax == ValueSyntax.TABLE_CELL;
    }

    private static int credentialScope(CharSequence s, int start, int end) {
        if (end - start < 20 || Text.indexOf(s, "aws4_request", start, end) < 0) {
            return end;
        }
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == '/' || Text.matchesAt(s, i, "%2F", false) || Text.matchesAt(s, i, "%2f", false)) {
                return i;
            }
        }
        return end;
    }

    /** The scheme word alone ({@code Authorization: Bearer}, with no credential after it). */
    private boolean isSchemeWord(CharSequence s, int from, int to) {
        for (String scheme : schemes) {
            if (scheme.length() == to - from && Text.matchesAt(s, from, scheme, true)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder(tiers != 0 ? "sensitive name (see Sensitive names) = value"
                : "name = value");
        if (!schemes.isEmpty()) {
            sb.append(" (any scheme word kept; AWS SigV4 left to its named parameters)");
        }
        if (tiers != 0) {
            sb.append("; value ends by its syntax (see Value syntaxes), up to ").append(maxLength)
                    .append(" chars; evidence by the name's tier");
        } else {
            sb.append("; value ").append(minLength).append('–').append(maxLength).append(" chars");
        }
        if (requireDigit) {
            sb.append(", not letters only");
        }
        if (minEntropy > 0) {
            sb.append(", entropy ≥ ").append(minEntropy);
        }
        return sb.append("; placeholders and look-alikes skipped").toString();
    }
}
