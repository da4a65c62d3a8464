package dev.scrubber.core;

/**
 * Stage four of a named value: whether the value read under a sensitive name is a secret. Placeholders
 * ({@link Placeholders}) and look-alikes never are: ARNs, dotted Java/Android identifiers and object references
 * ({@code android.os.BinderProxy@2bd79ce}), Maven coordinates, code ({@code getPassword()}, {@code this.token}),
 * another sensitive name ({@code password=DB_PASSWORD}). Beyond that, the evidence a value needs depends on the name's
 * tier ({@link SensitiveKeys}): under a password-like name any value counts unless it reads as prose or code; under
 * a credential name it must not be a plain word; under a weak name ({@code key}) it must look random.
 */
final class ValueFilter {
    static final int CREDENTIAL_MIN_LENGTH = 8;
    static final double CREDENTIAL_MIN_ENTROPY = 2.5;
    static final int WEAK_MIN_LENGTH = 12;
    static final double WEAK_MIN_ENTROPY = 3.0;

    private ValueFilter() {
    }

    /**
     * Passwords that systems ship with or people pick first (RabbitMQ's guest, SQL Server's sa, Tomcat's, the
     * commonest choices in breach lists): under a password name they are the credential in use, however plain the
     * word. Placeholder words ({@code changeme}) stay placeholders ({@link Placeholders}).
     */
    private static final WordSet DEFAULT_PASSWORDS = WordSet.ignoringCase("admin", "administrator", "root", "toor",
            "guest", "sa", "demo", "pass", "oracle", "mysql", "letmein", "qwerty",
            "welcome", "master", "manager", "tomcat", "sysadmin", "superuser", "admin123", "passw0rd", "password1",
            "minioadmin", "hunter2", "abc123", "iloveyou", "dragon", "monkey", "trustno1");

    /**
     * Whether a value under a password name is one of {@link #DEFAULT_PASSWORDS}, as a value stands: quoted, or not
     * followed by more words than the next pair (a logfmt line's next {@code user=…}, not a sentence's next word).
     */
    static boolean isDefaultPassword(CharSequence s, int from, int to, Assignment a) {
        if (a.prose || !DEFAULT_PASSWORDS.contains(s, from, to)) {
            return false;
        }
        int n = s.length();
        boolean moreWords = to + 1 < n && s.charAt(to) == ' ' && Alphabet.LETTERS.contains(s.charAt(to + 1))
                && !pairAfter(s, to);
        return a.quoted() || !moreWords;
    }

    /** Whether {@code s[from, to)} is a look-alike that is never a secret, whatever the name. */
    static boolean isLookAlike(CharSequence s, int from, int to, boolean spaced, boolean quoted) {
        return isArn(s, from, to) || isDottedIdentifier(s, from, to) || isMavenCoordinate(s, from, to)
                || isCode(s, from, to, spaced, quoted) || isSensitiveName(s, from, to) || isRegex(s, from, to)
                || isObjectDump(s, from, to) || isArrayIdentity(s, from, to);
    }

    /**
     * A Java array's default {@code toString}, its type and identity hash: {@code [C@1b6d3586} (a {@code char[]}
     * password logged by mistake prints no characters), {@code [B@…}, {@code [Ljava.lang.String;@…}.
     */
    static boolean isArrayIdentity(CharSequence s, int from, int to) {
        if (to - from < 5 || s.charAt(from) != '[') {
            return false;
        }
        int at = Text.indexOf(s, "@", from, to);
        if (at < 0 || to - at - 1 < 4 || to - at - 1 > 8) {
            return false;
        }
        for (int i = at + 1; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        int t = from;
        while (t < at && s.charAt(t) == '[') {
            t++;
        }
        return at - t == 1 && "BCSIJFDZ".indexOf(s.charAt(t)) >= 0
                || at - t > 2 && s.charAt(t) == 'L' && s.charAt(at - 1) == ';';
    }

    /**
     * An object's own {@code toString}: a class name, then its identity hash in braces, as Android prints window
     * tokens and records ({@code Token{6019dd9 ActivityRecord{…}}}, {@code AppWindowToken{faa5635}}).
     */
    static boolean isObjectDump(CharSequence s, int from, int to) {
        int i = from;
        if (i >= to || s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
            return false;
        }
        while (i < to && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
            i++;
        }
        if (i >= to || s.charAt(i) != '{') {
            return false;
        }
        int hex = ++i;
        while (i < to && i - hex < 9 && Character.digit(s.charAt(i), 16) >= 0) {
            i++;
        }
        int n = i - hex;
        char after = i < to ? s.charAt(i) : i < s.length() ? s.charAt(i) : ' ';
        return n >= 6 && n <= 8 && (after == ' ' || after == '}');
    }

    /**
     * A string literal that ends where the value starts and is concatenated in code ({@code "…password={" + pw}):
     * the value is an expression, not a secret.
     */
    static boolean isConcatenation(CharSequence s, int from, int to) {
        if (from >= to || !ValueSyntax.isQuote(s.charAt(from))) {
            return false;
        }
        int p = ValueSyntax.skipBlanks(s, from + 1);
        return p < to && p > from + 1 && s.charAt(p) == '+';
    }

    /** Whether a value under a name of {@code tier} is a secret (placeholders and look-alikes already excluded). */
    static boolean accepts(CharSequence s, int from, int to, int tier, Assignment a, ScanState state) {
        int n = to - from;
        boolean lettersOnly = !hasDigitOrSymbol(s, from, to);
        boolean quoted = a.quoted() || a.unclosedQuote && a.nameQuoted;
        if (a.syntax == ValueSyntax.TABLE_CELL && Text.indexOf(s, " ", from, to) >= 0) {
            return false; // a table's description column ("| one-secret | clean text with … |")
        }
        if (a.syntax == ValueSyntax.LIST && isOptionWord(s, from, to)) {
            return false; // a list of options, `-keypass`, `-passin`: the next item, not a value
        }
        if ((tier != SensitiveKeys.PASSWORD || a.operator == ',') && isSentence(s, from, to)) {
            return false; // a description ("OpenAI project API key"); under a password name it may be a passphrase
        }
        switch (tier) {
            case SensitiveKeys.PASSWORD:
                if (isDefaultPassword(s, from, to, a)) {
                    return true; // a plain default, and the credential in use
                }
                // "for (String secret : secrets)" is code and "secret: the vault is sealed" prose; a properties or
                // YAML line may still align its operator
                // (letters in random case, PGPASSWORD<tab>iGzkkWgTqXfgUc, are neither)
                return !(lettersOnly && !quoted && !looksRandomLetters(s, from, to)
                        && (a.spacedOperator && a.syntax != ValueSyntax.LINE
                        || isProse(s, from, to) && !(n >= 6 && pairAfter(s, to))));
            case SensitiveKeys.CREDENTIAL:
                if (n < CREDENTIAL_MIN_LENGTH || lettersOnly && !(quoted && n >= 16 || looksRandomLetters(s, from, to))) {
                    return false;
                }
                return Entropy.bitsPerChar(s, from, to, state.counts) >= CREDENTIAL_MIN_ENTROPY;
            case SensitiveKeys.WEAK:
                return n >= WEAK_MIN_LENGTH && looksRandom(s, from, to)
                        && Entropy.bitsPerChar(s, from, to, state.counts) >= WEAK_MIN_ENTROPY;
            default:
                return false;
        }
    }

    /** Whether the word after the value at {@code to} is the line's next pair ({@code … user=app}), not prose. */
    private static boolean pairAfter(CharSequence s, int to) {
        return to + 1 < s.length() && s.charAt(to) == ' ' && ValueEnd.pairFollows(s, to + 1);
    }

    /** {@code -passin}, {@code --user}: a command-line option's name. */
    private static boolean isOptionWord(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && i - from < 2 && s.charAt(i) == '-') {
            i++;
        }
        if (i == from || i == to) {
            return false;
        }
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code arn:aws:secretsmanager:…:secret:prod/db-AbC123}, {@code arn:aws-cn:…}. */
    static boolean isArn(CharSequence s, int from, int to) {
        return to - from > 8 && Text.matchesAt(s, from, "arn:aws", true);
    }

    /** Whether the name at {@code nameStart} is a segment of an ARN ({@code …:secret:NAME}). */
    static boolean insideArn(CharSequence s, int nameStart) {
        if (nameStart == 0 || s.charAt(nameStart - 1) != ':') {
            return false;
        }
        int j = nameStart - 1;
        int limit = Math.max(0, nameStart - 256);
        while (j > limit && isArnChar(s.charAt(j - 1))) {
            j--; // back to where the ARN starts: after a blank, a quote, an operator, a tag's > or a bracket
        }
        return Text.matchesAt(s, j, "arn:", true);
    }

    private static boolean isArnChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || ":/-_.+@*".indexOf(c) >= 0) || c == '\u2026'; // elided …
    }

    /**
     * A dotted identifier: a package or class name, a Java object reference ({@code a.b.C@1a2b}), a property path.
     * One dot is not enough unless the last segment is a class name ({@code my.pass} can be a password).
     */
    static boolean isDottedIdentifier(CharSequence s, int from, int to) {
        int dots = 0;
        int segmentStart = from;
        int lastSegment = from;
        int i = from;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == segmentStart) {
                    return false;
                }
                dots++;
                segmentStart = i + 1;
                lastSegment = segmentStart;
            } else if (c == '@' || c == '#') {
                break;
            } else if (i == segmentStart ? !isIdentifierStart(c) : !isIdentifierPart(c)) {
                return false;
            }
        }
        if (dots == 0 || segmentStart == i) {
            return false;
        }
        if (!javaLikeName(s, from, i)) {
            return false;
        }
        if (i < to) {
            // Object.toString's @hash (hex), or #method
            boolean hash = s.charAt(i) == '@';
            for (int j = i + 1; j < to; j++) {
                if (hash ? Character.digit(s.charAt(j), 16) < 0 : !isIdentifierPart(s.charAt(j))) {
                    return false;
                }
            }
            return to > i + 1;
        }
        return dots >= 2 || Character.isUpperCase(s.charAt(lastSegment));
    }

    /**
     * Package segments in lower case ({@code android.os}, {@code spring.datasource}), then optionally a class name in
     * camel case ({@code BinderProxy}) and its inner names.
     */
    private static boolean javaLikeName(CharSequence s, int from, int to) {
        boolean inClass = false;
        int segment = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (!inClass && Character.isUpperCase(s.charAt(segment))) {
                    inClass = true;
                }
                for (int j = segment; j < i; j++) {
                    char c = s.charAt(j);
                    boolean ok = inClass ? Character.isLetterOrDigit(c) || c == '$' || c == '_'
                            : c >= 'a' && c <= 'z' || j > segment && (c >= '0' && c <= '9' || c == '_');
                    if (!ok) {
                        return false;
                    }
                }
                if (inClass && !camelLike(s, segment, i)) {
                    return false;
                }
                segment = i + 1;
            }
        }
        return true;
    }

    /** {@code BinderProxy}, {@code ChatClient$Retry}: capitals start words of lower-case letters. */
    private static boolean camelLike(CharSequence s, int from, int to) {
        int lower = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                lower++;
            } else if (Character.isDigit(c)) {
                return false;
            }
        }
        return lower * 2 >= to - from;
    }

    /** {@code io.jsonwebtoken:jjwt-jackson:0.12.6}: a dotted group, an artifact, a version. */
    static boolean isMavenCoordinate(CharSequence s, int from, int to) {
        int colon = -1;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0 || !hasDot(s, from, colon)) {
            return false;
        }
        for (int i = from; i < colon; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false; // a group id is a lower-case reversed domain
            }
        }
        int parts = 1;
        int partStart = colon + 1;
        for (int i = colon + 1; i <= to; i++) {
            if (i == to || s.charAt(i) == ':') {
                if (i == partStart) {
                    return false;
                }
                parts++;
                partStart = i + 1;
            } else if (!NameFinder.isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return parts >= 2 && lowerCaseStart(s, from);
    }

    /**
     * Code, not a value: {@code getPassword()}, {@code System.getenv("X")}, {@code this.token},
     * {@code config.apiKey}, {@code secrets)} in {@code for (String secret : secrets)}, {@code secrets[i];},
     * {@code other;} in {@code key = other;}.
     */
    static boolean isCode(CharSequence s, int from, int to, boolean spaced, boolean quoted) {
        int blank = from;
        while (blank < to && s.charAt(blank) == ' ') {
            blank++;
        }
        if (blank > from && blank < to && s.charAt(blank) == '+') {
            return true; // "password=" + password + "\n": the literal closed, the rest is a concatenation
        }
        int i = from;
        if (i < to && (s.charAt(i) == '$' || s.charAt(i) == '@')) {
            i++;
        }
        int identStart = i;
        while (i < to && (isIdentifierPart(s.charAt(i)) && s.charAt(i) != '$' || s.charAt(i) == '.')) {
            i++;
        }
        if (i - identStart < 2 || !isIdentifierStart(s.charAt(identStart))) {
            return false;
        }
        if (i + 2 < to && s.charAt(i) == '(' && s.charAt(i + 1) == ')' && s.charAt(i + 2) == '.'
                && namesACall(s, identStart, i)) {
            return true; // a call chain: Base64.getEncoder().encodeToString(
        }
        char last = s.charAt(to - 1);
        if (quoted) {
            // a string literal is a value unless it is a whole call, "getPassword()", or a call whose argument's
            // quote was read as the literal's end: "System.getenv("API_KEY")" (a name follows that quote; after a
            // value that really ends there comes a delimiter, as after a password that ends in "(")
            return i < to && s.charAt(i) == '(' && (i + 1 == to && nameAfterQuote(s, to)
                    || CallShape.chain(s, i, to) && namesACall(s, identStart, i));
        }
        if (spaced && i < to && s.charAt(i) == '(' && i - identStart >= 3 && callCloses(s, i)) {
            return true; // "secret = run(Alphabet.B64, 40);"
        }
        if (i < to && s.charAt(i) == '[' && !namesLikeCode(s, identStart, i)) {
            return false; // an array read names a variable: "c8AOoe[FO]" is a password
        }
        if (i < to && (s.charAt(i) == '(' || s.charAt(i) == '[')) {
            boolean quoteAfter = i + 1 == to && to < s.length() && (s.charAt(to) == '"' || s.charAt(to) == '\'');
            // the whole value a call or index (its arguments parse, its brackets match), or in spaced code a call
            // that a blank or a comma cut short
            boolean cutShort = to == s.length() || s.charAt(to) == ' '
                    || last == ')' && (s.charAt(to) == ',' || s.charAt(to) == ';'); // after an argument's call
            return CallShape.chain(s, i, to) && namesACall(s, identStart, i)
                    || spaced && cutShort && CallShape.chainEnd(s, i, to, 0) == CallShape.OPEN
                    || quoteAfter; // System.getenv("API_KEY"), read up to the argument's quote
        }
        if (spaced && i + 1 == to && (last == ';' || last == ')')) {
            return true; // an identifier ending a statement or a call: "key = other;", "(secret : secrets)"
        }
        if (i - identStart == 3 && Text.matchesAt(s, identStart, "new", false) && (i == to || s.charAt(i) == ' ')) {
            return true; // "key = new SecretKeySpec(…)"
        }
        if (spaced && (Text.indexOf(s, " == ", from, to) >= 0 || Text.indexOf(s, " != ", from, to) >= 0
                || Text.indexOf(s, " && ", from, to) >= 0 || Text.indexOf(s, " || ", from, to) >= 0
                || Text.indexOf(s, " ? ", from, to) >= 0)) {
            return true; // an expression: "key = other == null ? a : b;"
        }
        if (i == to) {
            for (String receiver : RECEIVERS) {
                if (Text.matchesAt(s, identStart, receiver, false) && to - identStart > receiver.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the dotted name {@code s[from, to)} reads like code ({@code getPassword}, {@code System.getenv},
     * {@code vault.read2}): no digit inside a segment, only at its end. A generated password may be shaped like a call
     * ({@code "x7Kq_r9Tb.mZ()"}); its segments mix digits into letters.
     */
    private static boolean namesLikeCode(CharSequence s, int from, int to) {
        boolean digits = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                digits = false;
            } else if (c >= '0' && c <= '9') {
                digits = true;
            } else if (digits) {
                return false; // a letter after a digit inside one segment
            }
        }
        return true;
    }

    /**
     * Whether an identifier before {@code (} names a function as code writes one: its segments are names
     * ({@link #namesLikeCode}), and it is a method ({@code getPassword}, lower case first), a qualified name
     * ({@code System.getenv}), or a type-like word ({@code Optional}). Two or three capitals ({@code FY(Muu…)})
     * begin a generated password more often than a call.
     */
    private static boolean namesACall(CharSequence s, int from, int to) {
        if (!namesLikeCode(s, from, to)) {
            return false;
        }
        if (Character.isLowerCase(s.charAt(from)) || Text.indexOf(s, ".", from, to) >= 0) {
            return true;
        }
        for (int i = from + 1; i < to; i++) {
            if (Character.isLowerCase(s.charAt(i))) {
                return to - from >= 4;
            }
        }
        return false;
    }

    /** Whether a quote (escaped or not) stands at {@code at} and a name starts right after it. */
    private static boolean nameAfterQuote(CharSequence s, int at) {
        int p = at;
        while (p < s.length() && s.charAt(p) == '\\') {
            p++;
        }
        return p + 1 < s.length() && ValueSyntax.isQuote(s.charAt(p)) && isIdentifierStart(s.charAt(p + 1));
    }

    /**
     * Whether the call whose parenthesis is at {@code open} closes well formed, followed by {@code ;}, {@code )},
     * {@code ,}, the line's end, or a concatenation ({@code chars(B62, 12) + "!"}).
     */
    private static boolean callCloses(CharSequence s, int open) {
        int limit = Math.min(s.length(), open + 256);
        for (int i = open + 1; i < limit; i++) {
            if (s.charAt(i) == '\n') {
                limit = i;
            }
        }
        int close = CallShape.arguments(s, open + 1, limit, ')', 0);
        return close >= 0 && (close + 1 == s.length() || ";\n),".indexOf(s.charAt(close + 1)) >= 0
                || Text.matchesAt(s, close + 1, " + ", false));
    }

    private static final String[] RECEIVERS = {"this.", "self.", "process.env.", "os.environ", "config.", "props.",
        "settings.", "env.", "System.", "cfg.", "properties.", "secrets.", "vars.", "params."};

    /**
     * Prose: three or more words, most of them plain words ({@code "OpenAI project API key"}, a description in a
     * table). Random values almost never contain two blanks between letter-only words.
     */
    static boolean isSentence(CharSequence s, int from, int to) {
        int words = 0;
        int plain = 0;
        int i = from;
        while (i < to) {
            while (i < to && s.charAt(i) == ' ') {
                i++;
            }
            if (i == to) {
                break;
            }
            int start = i;
            while (i < to && s.charAt(i) != ' ') {
                i++;
            }
            words++;
            if (i - start >= 2 && isPlainWord(s, start, i)) {
                plain++;
            }
        }
        return words >= 3 && plain * 3 >= words * 2;
    }

    /** A word of prose: lower case after its first letter, or a short acronym ({@code API}). */
    private static boolean isPlainWord(CharSequence s, int from, int to) {
        int upper = 0;
        int letters = 0;
        int firstLetter = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean ok = letter || i > from && i + 1 < to && (c == '-' || c == '\'')
                    || i + 1 == to && ",.:;)!?".indexOf(c) >= 0 || i == from && c == '(';
            if (!ok) {
                return false;
            }
            if (letter) {
                letters++;
                if (firstLetter < 0) {
                    firstLetter = i;
                }
                if (c <= 'Z') {
                    upper++;
                }
            }
        }
        boolean capitalized = upper == 0 || upper == 1 && firstLetter >= 0 && s.charAt(firstLetter) <= 'Z';
        return letters > 0 && (capitalized || upper == letters && letters <= 5);
    }

    /** A regular expression ({@code acme_[a-z0-9]{12}}): a character class with a letter or digit range. */
    static boolean isRegex(CharSequence s, int from, int to) {
        return Text.indexOf(s, "a-z", from, to) > from && Text.indexOf(s, "[", from, to) >= from
                || Text.indexOf(s, "[0-9", from, to) >= from || Text.indexOf(s, "A-Z", from, to) > from
                && Text.indexOf(s, "[", from, to) >= from;
    }

    /** {@code password=DB_PASSWORD}, {@code auth=token}: the value names another secret. */
    static boolean isSensitiveName(CharSequence s, int from, int to) {
        if (to - from > NameFinder.MAX_NAME) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!NameFinder.isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return SensitiveKeys.classify(s, from, to) != SensitiveKeys.NONE && !hasMixedRun(s, from, to);
    }

    /**
     * Whether a value looks random rather than structured: it has punctuation beyond {@code . _ : / -}, or a run of
     * letters and digits that mixes them or mixes case (not an identifier such as {@code orderId-42},
     * {@code reports/2026/x.csv}, {@code user:123:profile}, a UUID).
     */
    static boolean looksRandom(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!NameFinder.isNameChar(c) && c != ':' && c != '/' && c != ' ') {
                return true;
            }
        }
        return hasMixedRun(s, from, to) && !isUuid(s, from, to);
    }

    private static boolean hasMixedRun(CharSequence s, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            boolean digit = false;
            boolean lower = false;
            boolean upper = false;
            int upperAfterLower = 0;
            while (i < to && Character.isLetterOrDigit(s.charAt(i))) {
                char c = s.charAt(i);
                if (Character.isDigit(c)) {
                    digit = true;
                } else if (Character.isUpperCase(c)) {
                    if (lower) {
                        upperAfterLower++;
                    }
                    upper = true;
                } else {
                    lower = true;
                }
                i++;
            }
            int letters = (lower ? 1 : 0) + (upper ? 1 : 0);
            if (i - start >= 6 && (digit && letters > 0 && !hexLike(s, start, i) || upperAfterLower >= 2
                    && !camelCase(s, start, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hexLike(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return to - from < 16; // short hex ids are identifiers; long hex runs may be keys
    }

    /** {@code OrderCreatedEvent}: every capital starts a word of at least two lower-case letters. */
    private static boolean camelCase(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isUpperCase(s.charAt(i)) && (i + 1 >= to || !Character.isLowerCase(s.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** Letters only, yet not a word, a sentence or a camel-case identifier ({@code InvalidTokenException}). */
    private static boolean looksRandomLetters(CharSequence s, int from, int to) {
        if (to - from < 12 || isSentence(s, from, to)) {
            return false;
        }
        boolean identifier = true;
        int upper = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                identifier = false;
            } else if (Character.isUpperCase(c)) {
                upper++;
            }
        }
        if (upper == 0 || upper == to - from) {
            return false; // one case: a word or an acronym
        }
        return !identifier || !camelCase(s, from, to);
    }

    static boolean isUuid(CharSequence s, int from, int to) {
        if (to - from != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A short word, or a word followed by more words: a sentence, not a password. */
    static boolean isProse(CharSequence s, int from, int to) {
        if (to - from < 6) {
            return true;
        }
        return to + 1 < s.length() && s.charAt(to) == ' ' && Alphabet.LETTERS.contains(s.charAt(to + 1));
    }

    static boolean hasDigitOrSymbol(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Alphabet.LETTERS.contains(c) && c != '_' && c != '-' && c != '.' && c != ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDot(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean lowerCaseStart(CharSequence s, int from) {
        return Character.isLowerCase(s.charAt(from));
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }
}
