package dev.scrubber.core;

/**
 * Values that sit where a secret would but are not secrets: templates ({@code ${VAR}}, {@code {{ x }}},
 * {@code %s}, {@code $VAR}, {@code <password>}), masks (ours included, so that masking is idempotent), runs of one
 * repeated character ({@code xxxx}, {@code ****}, {@code 0000}), well-known dummy words ({@code changeme},
 * {@code your_api_key_here}) and file paths. Each shape is matched whole: a password that merely starts with
 * {@code $}, {@code <} or {@code {} is a password.
 */
final class Placeholders {
    private static final WordSet WORDS = WordSet.ignoringCase("null", "nil", "none", "true", "false", "undefined", "empty",
            "changeme", "change_me", "change-me", "changeit", "password", "passwd", "secret", "token", "redacted",
            "masked", "hidden", "example", "placeholder", "sample", "dummy", "test", "todo", "tbd", "n/a", "na",
            "notset", "not_set", "unset", "your_api_key", "your-api-key", "yourapikey", "api_key", "apikey", "xxx",
            "<secret>", "string", "replace_me", "replaceme", "replace-me", "fixme", "default", "omitted", "removed",
            "filtered", "sensitive", "protected", "value", "required", "optional", "nope", "***", "secret_value",
            "my_secret", "mysecret", "mypassword", "my_password", "[hidden]", "(hidden)", "(redacted)", "[redacted]",
            "[masked]", "(masked)", "[filtered]", "[sensitive]", "<hidden>", "<masked>", "optional.empty",
            "optional.absent()", "enabled", "disabled", "present", "missing", "configured", "provided", "supplied",
            "absent", "blank", "unknown", "expired", "invalid", "incorrect", "wrong", "mismatch", "rejected", "locked",
            "valid", "changed", "reset", "generated", "encrypted");
    /** How every mask this library writes starts ({@link Masker}, {@link FailPolicy}). */
    static final String MASK = "[REDACTED";
    /** The longest mask: a rule id and a fingerprint inside the brackets. */
    private static final int MAX_MASK = 160;
    /** How many characters of a secret the partial style keeps after its mask. */
    static final int PARTIAL_TAIL = 4;
    private static final String[] MASK_PREFIXES = {MASK, "[MASKED", "[FILTERED", "[PROTECTED", "[HIDDEN",
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
        char last = s.charAt(to - 1);
        switch (first) {
            case '$':
                if (n == 1 || n > 2 && (s.charAt(from + 1) == '{' && last == '}' || s.charAt(from + 1) == '('
                        && last == ')') || allIdentifier(s, from + 1, to)) {
                    return true; // ${VAR}, ${VAR:-x}, $(cat file), $VAR, $1
                }
                break;
            case '{':
                if (last == '}' && (n >= 4 && s.charAt(from + 1) == '{' && s.charAt(to - 2) == '}'
                        || allIdentifier(s, from + 1, to - 1))) {
                    return true; // {{ x }}, {0}, {name}, {}
                }
                break;
            case '<':
                if (last == '>' && allWordy(s, from + 1, to - 1)) {
                    return true; // <password>, <your key>, <redacted>
                }
                break;
            case '%':
                if (n >= 3 && last == '%' && allIdentifier(s, from + 1, to - 1) || isFormatVerb(s, from, to)
                        || isPatternConverter(s, from, to)) {
                    return true; // %VAR%, %s, %(name)s, %1$s, %X{apiKey}
                }
                break;
            case '@':
                if (n >= 3 && last == '@' && allNameChars(s, from + 1, to - 1)) {
                    return true; // @VAR@, @db.password@ (Maven resource filtering)
                }
                break;
            case '&':
                if (n > 8 && Text.matchesAt(s, from, "&lt;", false) && Text.matchesAt(s, to - 4, "&gt;", false)
                        && allWordy(s, from + 4, to - 4)) {
                    return true; // &lt;redacted&gt; in XML
                }
                break;
            case '#':
                if (n >= 3 && s.charAt(from + 1) == '{' && last == '}') {
                    return true; // #{expression}
                }
                break;
            case '(':
                if (n >= 3 && last == ')' && allWordy(s, from + 1, to - 1)
                        && (isWord(s, from + 1, to - 1) || Text.indexOf(s, " ", from + 1, to - 1) >= 0)) {
                    return true; // (none), (null), (not set), (sensitive value): a tool's note, not a value
                }
                break;
            default:
                break;
        }
        if (first == '\u2026' || Text.matchesAt(s, from, "...", false)) {
            return true; // an ellipsis: documentation, "password = …"
        }
        if (pathsArePlaceholders && isPath(s, from, to)) {
            return true; // a file path, e.g. pwd=/home/app, password_file=./secrets/db
        }
        for (String prefix : MASK_PREFIXES) {
            if (Text.matchesAt(s, from, prefix, false) || containsMask(s, from, to, prefix)) {
                return true;
            }
        }
        if (isOneRepeatedChar(s, from, to) || Text.indexOf(s, "****", from, to) >= 0) {
            return true; // xxxx, and a value a library already masked in part (ab****yz)
        }
        if (isReference(s, from, to)) {
            return true;
        }
        return n <= 24 && (isWord(s, from, to) || isYourKeyHere(s, from, to));
    }

    /**
     * Where a placeholder that the value's syntax cut at a blank really ends: a value that opens a note or a
     * substitution ({@code <not set>}, {@code (sensitive value)}, {@code $(cat /run/secrets/db)},
     * {@code ${{ secrets.DB }}}, kubectl's {@code <set to the key 'password' in secret 'db'>}, a Javadoc tag) and
     * closes it later on its line; -1 when the value at {@code from} opens none.
     */
    static int cutPlaceholderEnd(CharSequence s, int from, int end) {
        int n = s.length();
        if (from >= n) {
            return -1;
        }
        char first = s.charAt(from);
        String closer;
        boolean anyText;
        if (Text.matchesAt(s, from, "${{", false) || Text.matchesAt(s, from, "{{", false)) {
            closer = "}}";
            anyText = true; // a template expression
        } else if (Text.matchesAt(s, from, "$(", false)) {
            closer = ")";
            anyText = true; // a command substitution
        } else if (first == '<' || first == '(' || first == '{') {
            closer = first == '<' ? ">" : first == '(' ? ")" : "}";
            anyText = false; // a note, in words
        } else {
            return -1;
        }
        int limit = Math.min(n, from + MAX_NOTE);
        for (int i = from + 1; i < limit && !ValueEnd.isEol(s, i); i++) {
            if (Text.matchesAt(s, i, closer, false)) {
                int close = i + closer.length();
                return close > end && (anyText || isNote(s, from + 1, i)) ? close : -1;
            }
            if (!anyText && (s.charAt(i) == first || s.charAt(i) == '=')) {
                return -1;
            }
        }
        return -1;
    }

    /** The longest note or substitution {@link #cutPlaceholderEnd} reads. */
    private static final int MAX_NOTE = 120;

    /** Words, blanks and quoted words: {@code not set}, {@code set to the key 'password' in secret 'db-creds'}. */
    private static boolean isNote(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(NameFinder.isNameChar(c) || c == ' ' || c == '\'' || c == ':' || c == '/' || c == '@')) {
                return false;
            }
        }
        return Text.indexOf(s, " ", from, to) >= 0;
    }

    /**
     * Where the secret is kept rather than the secret: {@code file:/run/secrets/db}, {@code classpath:…},
     * {@code env:DB_PASSWORD}, {@code vault:secret/data/db#password}, Spring Cloud's {@code sm://…} and
     * {@code aws-secretsmanager:…}, Azure App Service's {@code @Microsoft.KeyVault(SecretUri=…)}.
     */
    private static boolean isReference(CharSequence s, int from, int to) {
        for (String scheme : REFERENCE_SCHEMES) {
            int rest = from + scheme.length();
            if (to - from > scheme.length() && Text.matchesAt(s, from, scheme, true)) {
                for (int i = rest; i < to; i++) {
                    char c = s.charAt(i);
                    if (!(NameFinder.isNameChar(c) || "/:#@=()?&".indexOf(c) >= 0)) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static final String[] REFERENCE_SCHEMES = {"file:", "classpath:", "env:", "vault:", "sm://",
        "secretsmanager:", "aws-secretsmanager:", "aws-parameterstore:", "ssm:", "keyvault:", "azure-keyvault:",
        "@microsoft.keyvault("}; // lower case: matched ignoring case

    /** Whether the text right after {@code end} is one of our masks, e.g. a partial mask's tail. */
    static boolean followedByMask(CharSequence s, int end) {
        return Text.matchesAt(s, end, MASK, false);
    }

    /**
     * Whether {@code at} lies inside one of our masks ({@code [REDACTED:twilio-auth-token]}): a rule id there names
     * a keyword ({@code twilio}, {@code secret}) that is no context for a value next to the mask.
     */
    static boolean insideMask(CharSequence s, int at) {
        int limit = Math.max(0, at - MAX_MASK);
        for (int i = Math.min(at, s.length()) - 1; i >= limit; i--) {
            char c = s.charAt(i);
            if (c == '[') {
                return Text.matchesAt(s, i, MASK, false);
            }
            if (c == ']' || c <= ' ') {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code s[from, to)} is one or more of our masks and blanks only: masking it again would be a no-op. */
    static boolean onlyMasks(CharSequence s, int from, int to) {
        int i = from;
        boolean any = false;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (Text.matchesAt(s, i, MASK, false)) {
                int close = Text.indexOf(s, "]", i, Math.min(to, i + MAX_MASK));
                if (close < 0) {
                    return false;
                }
                i = close + 1;
                for (int tail = 0; tail < PARTIAL_TAIL && i < to && s.charAt(i) > ' ' && s.charAt(i) != ','; tail++) {
                    i++; // the last characters the partial style keeps
                }
                any = true;
            } else {
                return false;
            }
        }
        return any;
    }

    private static boolean containsMask(CharSequence s, int from, int to, String prefix) {
        return prefix.charAt(0) == '[' && Text.indexOf(s, prefix, from, to) >= 0;
    }

    /** {@code xxxx}, {@code ****}, {@code 0000-0000}: one character, maybe with separators. */
    private static boolean isOneRepeatedChar(CharSequence s, int from, int to) {
        char c = 0;
        for (int i = from; i < to; i++) {
            char d = s.charAt(i);
            if (d == '-' || d == '_' || d == '.' || d == ' ') {
                continue;
            }
            if (c == 0) {
                c = Text.lowerAscii(d);
            } else if (Text.lowerAscii(d) != c) {
                return false;
            }
        }
        return true;
    }

    /** {@code your_api_key_here}, {@code YOUR-OPENAI-KEY}, {@code insert_token_here}. */
    private static boolean isYourKeyHere(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-' || c == ' ')) {
                return false;
            }
        }
        return Text.matchesAt(s, from, "your", true) || to - from > 5 && Text.matchesAt(s, to - 4, "here", true)
                || Text.matchesAt(s, from, "insert", true) || Text.matchesAt(s, from, "enter", true);
    }

    /** {@code /etc/app/secret}, {@code ~/.aws/credentials}, {@code ./db.pass}: only path characters. */
    private static boolean isPath(CharSequence s, int from, int to) {
        char first = s.charAt(from);
        int n = to - from;
        boolean start = first == '/' || n > 1 && (first == '~' || first == '.') && s.charAt(from + 1) == '/'
                || n > 2 && first == '.' && s.charAt(from + 1) == '.' && s.charAt(from + 2) == '/';
        if (!start) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(NameFinder.isNameChar(c) || c == '/' || c == '~' || c == '+' || c == '@')) {
                return false;
            }
        }
        return true;
    }

    /** A logging pattern's conversion word: {@code %X{apiKey}}, {@code %mdc{token}}, {@code %msg}. */
    private static boolean isPatternConverter(CharSequence s, int from, int to) {
        int i = from + 1;
        while (i < to && i - from <= 10 && Character.isLetter(s.charAt(i))) {
            i++;
        }
        if (i == from + 1) {
            return false;
        }
        return i == to || s.charAt(i) == '{' && s.charAt(to - 1) == '}' && allIdentifier(s, i + 1, to - 1);
    }

    private static boolean isFormatVerb(CharSequence s, int from, int to) {
        int n = to - from;
        if (n == 2) {
            return Character.isLetter(s.charAt(from + 1));
        }
        if (n >= 4 && s.charAt(from + 1) == '(' && s.charAt(to - 2) == ')') {
            return true;
        }
        return n == 4 && Character.isDigit(s.charAt(from + 1)) && s.charAt(from + 2) == '$';
    }

    private static boolean allIdentifier(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean allNameChars(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!NameFinder.isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allWordy(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(NameFinder.isNameChar(c) || c == ' ' || c == ':' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWord(CharSequence s, int from, int to) {
        return WORDS.contains(s, from, to);
    }
}
