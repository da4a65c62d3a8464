package dev.scrubber.core;

/**
 * Stage two of a named value: the operator after the name and the syntax of the value, detected from what surrounds
 * the pair. The syntax decides where an unquoted value ends ({@link ValueEnd}); a quoted value ends at its closing
 * quote whatever the syntax.
 *
 * <table>
 *   <caption>Syntaxes</caption>
 *   <tr><th>Syntax</th><th>Recognised by</th><th>Unquoted value ends at</th></tr>
 *   <tr><td>{@link #DUMP}</td><td>{@code { ( [ ,} before the name: {@code Map}, {@code Properties}, record and
 *       Lombok {@code toString}, YAML flow maps</td><td>{@code , name=} or the bracket that closes the dump</td></tr>
 *   <tr><td>{@link #QUERY}</td><td>{@code ? &} before the name</td><td>{@code & #}, a quote, a blank</td></tr>
 *   <tr><td>{@link #CONNECTION}</td><td>{@code ;} before the name (ADO.NET, JDBC)</td><td>{@code ;}, a blank</td></tr>
 *   <tr><td>{@link #SHELL}</td><td>{@code -}/{@code --} flags, {@code export}, {@code set}</td><td>the end of the
 *       shell word (quotes and backslashes inside it honoured)</td></tr>
 *   <tr><td>{@link #JSON_LITERAL}</td><td>a quoted name and {@code :}</td><td>{@code , } ]}, a blank</td></tr>
 *   <tr><td>{@link #XML_ELEMENT}</td><td>{@code <name>}, {@code <entry key="name">}</td><td>the next tag</td></tr>
 *   <tr><td>{@link #ENCLOSED}</td><td>a quote before the name that is not closed after it
 *       ({@code -H "Authorization: …"})</td><td>that quote's closing quote</td></tr>
 *   <tr><td>{@link #LINE}</td><td>the name starts a line (properties, .env, INI, TOML, YAML, HTTP headers)</td>
 *       <td>the end of the line, or the next blank-separated {@code name=}</td></tr>
 *   <tr><td>{@link #TABLE_CELL}</td><td>a table row's first cell ({@code | name | value |})</td><td>the cell's
 *       {@code  |}</td></tr>
 *   <tr><td>{@link #LOGFMT}</td><td>anything else: logfmt, code, prose</td><td>a blank, a quote, the next
 *       {@code , name=}</td></tr>
 * </table>
 */
final class ValueSyntax {
    static final int LOGFMT = 0;
    static final int LINE = 1;
    static final int DUMP = 2;
    static final int QUERY = 3;
    static final int CONNECTION = 4;
    static final int SHELL = 5;
    static final int JSON_LITERAL = 6;
    static final int XML_ELEMENT = 7;
    static final int ENCLOSED = 8;
    /** A flag's argument as an element of a rendered list: {@code [--password, …, --verbose]}. */
    static final int LIST = 9;
    /** A table row's value cell: {@code | password | value |}. */
    static final int TABLE_CELL = 10;

    /** Blanks (spaces, tabs) allowed around an operator: aligned columns. */
    static final int MAX_BLANKS = 128;
    private static final int MAX_TAG = 256;
    private static final int MAX_PAIR_GAP = 48;
    /** The fewest dots that lead from a name to its value in a configuration listing. */
    private static final int MIN_LEADER = 4;

    private ValueSyntax() {
    }

    /**
     * Reads the operator and the start of the value after the name {@code s[ns, ne)}.
     *
     * @param spaceIsOperator whether blanks alone may separate name and value ({@code Bearer abc})
     * @return false when the name is not followed by a value
     */
    static boolean parse(CharSequence s, int ns, int ne, boolean spaceIsOperator, Assignment a) {
        a.clear();
        a.nameStart = ns;
        a.nameEnd = ne;
        int n = s.length();
        if (ns >= 2 && (s.charAt(ns - 1) == '/' && s.charAt(ns - 2) == '<' || s.charAt(ns - 1) == '{'
                && (s.charAt(ns - 2) == '$' || s.charAt(ns - 2) == '#') && Text.indexOf(s, " ", ns, ne) < 0)) {
            return false; // a closing tag; ${SECRET_KEY:-default} is a template (its variable has no blank)
        }
        int b = ns;
        int dashes = 0;
        while (b > 0 && dashes < 2 && s.charAt(b - 1) == '-') {
            b--;
            dashes++;
        }
        char keyQuote = 0;
        int keyLevel = 0;
        if ((dashes == 0 || listElement(s, b)) && b > 0 && isQuote(s.charAt(b - 1))) {
            int bs = backslashesBefore(s, b - 1);
            int level = level(bs);
            if (level >= 0) {
                keyQuote = s.charAt(b - 1);
                keyLevel = level;
                b = b - 1 - bs;
            }
        }
        char prev = previous(s, b);
        int p = ne;
        if (keyQuote != 0) {
            if (matchesQuote(s, p, keyQuote, keyLevel)) {
                p += quoteLength(keyLevel);
                a.nameQuoted = true;
            } else {
                a.enclosingQuote = keyQuote;
                a.enclosingLevel = keyLevel;
            }
        }
        if (dashes == 0 && keyQuote == 0 && ns > 0 && (s.charAt(ns - 1) == '<' || namespacedTag(s, ns))) {
            return xmlElement(s, p, a); // <password>, <wsse:Password Type="…">
        }
        if (dashes == 0 && keyQuote == 0 && ns > 0 && s.charAt(ns - 1) == '>') {
            int value = elementSibling(s, ns, ne);
            if (value >= 0) {
                return xmlElement(s, value, a); // <key>password</key><value>…</value>, <param-name>…
            }
        }
        if (p < n && s.charAt(p) == ']' && (a.nameQuoted || keyQuote == 0 && dashes == 0
                && (indexed(s, b) || bracketedName(s, b, p)))) {
            // env["X_TOKEN"] = "…", env[DB_PASSWORD] = …: an index; Property [name] = [value]: a bracketed name.
            // Either is read as a name of the text around it.
            if (keyQuote == 0) {
                prev = 'x';
            }
            p++;
        }
        int afterName = p;
        boolean element = false;
        int sibling;
        p = skipBlanks(s, p);
        boolean blankBefore = p > afterName;
        if (a.nameQuoted && keyQuote == '\'' && Text.matchesAt(s, p, REJECTED, false)) {
            // Spring's FieldError: "Field error in object 'form' on field 'password': rejected value […]; codes […]"
            a.operator = ':';
            a.operatorLength = 1;
            a.valueStart = p + REJECTED.length();
            a.syntax = LOGFMT;
            a.rejectedValue = true;
            return true;
        }
        if (blankBefore && p + 1 < n && s.charAt(p) == '|' && s.charAt(p + 1) == ' ' && tableRow(s, b)) {
            // | password | value |: a Markdown or ASCII table's row, the value in the next cell
            a.operator = '|';
            a.operatorLength = 1;
            a.spacedOperator = true;
            a.valueStart = skipBlanks(s, p + 1);
            a.syntax = TABLE_CELL;
            return a.valueStart < n && !ValueEnd.isEol(s, a.valueStart) && s.charAt(a.valueStart) != '|';
        }
        int op = operatorLength(s, p);
        if (op > 0) {
            a.operator = s.charAt(p);
            a.operatorLength = op;
            p += op;
        } else if (a.nameQuoted && keyQuote != '`' && p < n && s.charAt(p) == ',' && isQuotedNext(s, p + 1)
                && setterBefore(s, b)) {
            a.operator = ','; // setProperty("X_TOKEN", "…"), Map.of("password", "…")
            p++;
        } else if (a.nameQuoted && blankBefore && Text.matchesAt(s, p, "to ", false) && isQuotedNext(s, p + 3)) {
            a.operator = ' '; // Setting property 'password' to '…', Bound 'spring.datasource.password' to '…'
            p += 3;
        } else if (keyQuote == 0 && dashes == 0 && p == afterName && p < n && s.charAt(p) == '('
                && setterName(s, ns, ne) && isQuotedNext(s, p + 1)) {
            a.operator = '('; // setPassword("…"), withApiKey("…"): a setter's literal argument
            p++;
        } else if (dashes > 0 && p + 1 < n && s.charAt(p) == ',' && (a.nameQuoted || s.charAt(p + 1) == ' ')
                && listElement(s, b)) {
            a.operator = ' '; // a rendered argument list: [--password, …] or ["--password","…"]
            element = true;
            p++;
        } else if (a.nameQuoted && p < n && s.charAt(p) == '>' && valueOfAttribute(s, b)) {
            return xmlElement(s, p, a); // <entry key="password">…</entry>
        } else if (a.nameQuoted && valueOfAttribute(s, b)) {
            p = pairedValue(s, afterName, keyQuote, keyLevel); // key="Password" value="…", "Name":"X","Value":"…"
            if (p < 0) {
                return false;
            }
            a.operator = '=';
            a.operatorLength = 1;
            a.xmlAttribute = s.charAt(p - 1) == '=' && keyLevel == 0;
        } else if (keyQuote == 0 && dashes == 0 && (sibling = siblingValue(s, ns, ne)) > 0) {
            // The name is itself the value of a name or key field, and the secret is its sibling's value:
            // Name=DB_PASSWORD, Value=…; - name: DB_PASSWORD / value: … (YAML env lists); "Name": "/prod/db/token",
            // "Value": …; Parameter(Name=/prod/db/password, Value=…).
            p = sibling;
            a.operator = '=';
            a.operatorLength = 1;
        } else if ((dashes > 0 || spaceIsOperator || afterName < n && s.charAt(afterName) == '\t'
                || keyQuote == 0 && setCommand(s, b) && !ValueEnd.pairFollows(s, p)) && blankBefore
                && p < n && s.charAt(p) != '\n' && s.charAt(p) != '\r') { // a tab after the name: a table's columns
            a.operator = ' ';
        } else {
            return false;
        }
        int beforeValue = p;
        p = skipBlanks(s, p);
        if (a.operator == ':' && p < n && s.charAt(p) == '!') {
            int tag = yamlTag(s, p);
            if (tag < 0) {
                return false; // a local tag is a reference or a function: !Ref DbPassword, !secret db_password
            }
            p = tag;
        }
        a.spacedOperator = blankBefore || p > beforeValue || element;
        int bs = 0;
        while (p + bs < n && bs < 8 && s.charAt(p + bs) == '\\') {
            bs++;
        }
        if (p + bs < n && isQuote(s.charAt(p + bs)) && level(bs) >= 0) {
            a.quote = s.charAt(p + bs);
            a.level = level(bs);
            if (a.quote == a.enclosingQuote && a.level <= a.enclosingLevel) {
                return false; // "auth=" + variable: the enclosing string ends right after the operator
            }
            p += bs + 1;
        } else if (a.operator == ',' || a.operator == '(' || element && a.nameQuoted) {
            return false;
        }
        a.valueStart = p;
        a.syntax = syntaxOf(s, a, dashes, prev, b, element);
        if (a.syntax == CONNECTION && !a.quoted() && p < n && s.charAt(p) == '{'
                && ValueEnd.braced(s, p + 1, Math.min(n, p + 1025)) > p + 1) {
            a.braced = true; // SQL Server braces a value that holds ';'
            a.valueStart = p + 1;
        }
        return true;
    }

    /**
     * A command that sets a name to the next word: {@code aws configure set aws_secret_access_key …},
     * {@code npm config set …}, Redis' {@code CONFIG SET …}; the caller wants no pair there ({@code set token TTL=60}).
     */
    private static boolean setCommand(CharSequence s, int b) {
        int w = b;
        while (w > 0 && b - w < 256 && s.charAt(w - 1) > ' ') {
            w--; // the name's own word: npm's //registry.npmjs.org/:_authToken
        }
        return w >= 4 && Text.matchesAt(s, w - 4, "set ", true) && (w == 4 || s.charAt(w - 5) == ' ');
    }

    /**
     * Local tags whose value is a reference or an expression: CloudFormation's functions, Home Assistant's
     * {@code !secret}/{@code !env_var}/{@code !include}, Ansible's {@code !vault}/{@code !unsafe}, {@code !ENV}.
     * Any other {@code !word} may be how a password starts.
     */
    private static final WordSet LOCAL_TAGS = WordSet.ignoringCase(new String[] {"ref", "sub", "getatt", "join",
        "if", "select", "importvalue", "findinmap", "base64", "cidr", "getazs", "split", "equals", "not", "and", "or",
        "condition", "transform", "secret", "env_var", "include", "input", "vault", "unsafe", "env"});

    /**
     * A YAML tag before a value at {@code p} ({@code !}): after a core tag ({@code !!str …}) where its value starts,
     * for a local tag ({@code !Ref …}, {@code !Sub}, Home Assistant's {@code !secret …}, {@code !vault}) -1, as the
     * value is a reference or an expression; {@code p} itself when it is no tag ({@code !Xk9…} is a value).
     */
    private static int yamlTag(CharSequence s, int p) {
        int n = s.length();
        int q = p + 1;
        boolean core = q < n && s.charAt(q) == '!';
        if (core) {
            q++;
        }
        int name = q;
        while (q < n && (Alphabet.LETTERS.contains(s.charAt(q)) || q > name && s.charAt(q) == '_')) {
            q++;
        }
        if (q == name || q >= n || s.charAt(q) != ' ' && s.charAt(q) != '\n'
                || !core && !LOCAL_TAGS.contains(s, name, q)) {
            return p;
        }
        int v = skipBlanks(s, q);
        if (v >= n || s.charAt(v) == '\n' || s.charAt(v) == '\r') {
            return core ? p : -1;
        }
        return core ? v : -1;
    }

    /** {@code setPassword}, {@code withApiKey}: a setter or builder method named for what it sets. */
    private static boolean setterName(CharSequence s, int ns, int ne) {
        for (int i = ne - 1; i > ns; i--) {
            if (s.charAt(i) == '.') {
                ns = i + 1; // builder.withApiKey: the method's own name
                break;
            }
        }
        int verb = Text.matchesAt(s, ns, "set", false) ? 3 : Text.matchesAt(s, ns, "with", false) ? 4 : 0;
        return verb > 0 && ns + verb < ne && Character.isUpperCase(s.charAt(ns + verb));
    }

    /**
     * A password named in a sentence: {@code password is …}, {@code was …}, {@code set to …}, {@code changed to …},
     * {@code password for user elastic: …}, {@code with password …} ({@code using}, {@code and}, {@code via}). Reads
     * the value that follows as a logfmt word; the caller accepts it only when it looks generated
     * ({@link Assignment#prose}).
     */
    static boolean prose(CharSequence s, int ns, int ne, Assignment a) {
        int n = s.length();
        if (ne + 1 >= n || s.charAt(ne) != ' ') {
            return false;
        }
        int p = ne + 1;
        int v = -1;
        for (String connector : PROSE_CONNECTORS) {
            if (Text.matchesAt(s, p, connector, true)) {
                v = p + connector.length();
                break;
            }
        }
        if (v < 0 && followsPreposition(s, ns) && !Text.matchesAt(s, p, "for ", true)) {
            v = p; // connecting with password Xk9…, using password …: the word after the name is its value
        }
        if (v < 0 && Text.matchesAt(s, p, "for ", true)) {
            // for user elastic: …; for the elastic built-in superuser is : …
            int q = p + 4;
            for (int words = 0; words < MAX_PROSE_WORDS && v < 0; words++) {
                int w = q;
                while (q < n && (Character.isLetterOrDigit(s.charAt(q)) || "_-.@".indexOf(s.charAt(q)) >= 0)) {
                    q++;
                }
                if (q == w || q >= n) {
                    return false;
                }
                if (s.charAt(q) == ':') {
                    v = q + 1;
                } else if (Text.matchesAt(s, q, " is : ", true) || Text.matchesAt(s, q, " is: ", true)) {
                    v = Text.indexOf(s, ":", q, q + 6) + 1; // after the colon; blanks are skipped below
                } else if (s.charAt(q) == ' ') {
                    q++;
                } else {
                    return false;
                }
            }
        }
        if (v < 0) {
            return false;
        }
        v = skipBlanks(s, v);
        if (v >= n || s.charAt(v) == '\n' || s.charAt(v) == '\r') {
            return false;
        }
        return sentenceValue(s, ns, ne, v, a);
    }

    /** Reads the value of a name in a sentence from {@code v} as a logfmt word (quoted or not). */
    private static boolean sentenceValue(CharSequence s, int ns, int ne, int v, Assignment a) {
        a.clear();
        a.nameStart = ns;
        a.nameEnd = ne;
        a.operator = ' ';
        a.spacedOperator = true;
        a.prose = true;
        if (s.charAt(v) == '\'' || s.charAt(v) == '"') {
            a.quote = s.charAt(v);
            v++;
        }
        a.valueStart = v;
        a.syntax = LOGFMT;
        return true;
    }

    /**
     * A credential named in a sentence and followed by the token itself, as an error message echoes it
     * ({@code invalid api key …}, {@code using token …}): the next word, when it is one run of token characters at
     * least {@link #MIN_BARE_TOKEN} long, mixing upper and lower case and digits; the caller accepts it only when it
     * looks generated ({@link Assignment#prose}).
     */
    static boolean bareToken(CharSequence s, int ns, int ne, Assignment a) {
        int n = s.length();
        int v = ne + 1;
        if (v >= n || s.charAt(ne) != ' ') {
            return false;
        }
        int e = v;
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (; e < n && e - v <= 512; e++) {
            char c = s.charAt(e);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            if (!Alphabet.B62.contains(c) && "-_+/=".indexOf(c) < 0) {
                break;
            }
        }
        // Mixed case and digits: not a UUID, a hex digest, a class name (dots end the run) or a word.
        if (e - v < MIN_BARE_TOKEN || !(upper && lower && digit) || e < n && !isBareTokenEnd(s.charAt(e))) {
            return false;
        }
        return sentenceValue(s, ns, ne, v, a);
    }

    private static final int MIN_BARE_TOKEN = 20;

    private static boolean isBareTokenEnd(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '"' || c == '\'' || c == ',' || c == ';'
                || c == ')' || c == ']' || c == '}' || c == '.';
    }

    /** Whether the word before the name at {@code ns} is one that introduces what is used: "with", "using", "and". */
    private static boolean followsPreposition(CharSequence s, int ns) {
        for (String word : PROSE_PREPOSITIONS) {
            int at = ns - word.length();
            if (at >= 0 && Text.matchesAt(s, at, word, true) && (at == 0 || !Character.isLetter(s.charAt(at - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static final String[] PROSE_PREPOSITIONS = {"with ", "using ", "and ", "via "};
    private static final int MAX_PROSE_WORDS = 5;
    private static final String[] PROSE_CONNECTORS = {"is: ", "is ", "was: ", "was ", "set to ", "changed to ",
        "reset to ", "updated to "};

    /** {@code [name] = …} after a blank or at the line's start: a name in brackets, followed by an operator. */
    private static boolean bracketedName(CharSequence s, int b, int close) {
        if (b < 1 || s.charAt(b - 1) != '[' || b >= 2 && " \t\n".indexOf(s.charAt(b - 2)) < 0) {
            return false;
        }
        int op = skipBlanks(s, close + 1);
        return op > close + 1 && operatorLength(s, op) > 0;
    }

    /** Whether the name starting at {@code b} is an index: {@code env[NAME]}, {@code $_ENV['NAME']}. */
    private static boolean indexed(CharSequence s, int b) {
        return b >= 2 && s.charAt(b - 1) == '[' && Alphabet.IDENTIFIER.contains(s.charAt(b - 2));
    }

    /**
     * Whether the flag (or its opening quote) ending just before {@code b} is an element of a rendered list:
     * {@code Arrays.toString(args)}, {@code List.toString}, a JSON array; told by {@code [} or {@code , } before it.
     */
    private static boolean listElement(CharSequence s, int b) {
        if (b <= 0) {
            return false;
        }
        char c = s.charAt(b - 1);
        if (isQuote(c)) {
            return listElement(s, b - 1); // the flag's opening quote: ["--password","…"]
        }
        return c == '[' || c == ',' && b < s.length() && isQuote(s.charAt(b))
                || c == ' ' && b >= 2 && s.charAt(b - 2) == ',';
    }

    private static int syntaxOf(CharSequence s, Assignment a, int dashes, char prev, int b, boolean element) {
        if (a.enclosingQuote != 0) {
            return ENCLOSED;
        }
        if (element || dashes > 0 && listElement(s, b)) {
            return LIST;
        }
        if (dashes > 0 || afterShellWord(s, b)) {
            return SHELL;
        }
        if (a.operator == '=' && (prev == '?' || prev == '&')) {
            return QUERY;
        }
        if (prev == ';') {
            return CONNECTION;
        }
        if (a.nameQuoted && a.operator == ':') {
            return JSON_LITERAL; // a JSON or Python dict member: {"a": 1, "password": …}
        }
        if ((prev == '{' || prev == '(' || prev == '[' || prev == ',') && a.operatorLength == 1) {
            return DUMP; // not "if (key == other && …)": comparisons are code
        }
        return (prev == '\n' || prev == 0 && linesFollow(s, a.valueStart)) && a.operatorLength == 1 ? LINE : LOGFMT;
    }

    /**
     * Whether the line holding {@code p} is followed by a line that starts with {@code name=}: a message that is
     * itself a dump of lines ({@code env}, a {@code .env} or properties file) starts with a config line.
     */
    private static boolean linesFollow(CharSequence s, int p) {
        int n = s.length();
        int limit = Math.min(n, p + 1024);
        for (int i = p; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int next = c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                return next < n && s.charAt(next) != ' ' && s.charAt(next) != '\t' && ValueEnd.pairFollows(s, next);
            }
        }
        return false;
    }

    /**
     * Whether the quoted name at {@code b} is the first argument of a setter-like call: {@code setProperty("X", …)},
     * {@code headers.put("Authorization", …)}, {@code withEnv("API_KEY", …)}. Other calls ({@code add("id", "…")})
     * are not pairs.
     */
    private static boolean setterBefore(CharSequence s, int b) {
        int j = b;
        while (j > 0 && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
            j--;
        }
        if (j == 0 || s.charAt(j - 1) != '(') {
            return false;
        }
        int end = j - 1;
        for (String setter : SETTERS) { // map.of: Map.of, ImmutableMap.of; not List.of or Alphabet.of
            int w = end - setter.length();
            if (w >= 0 && Text.matchesAt(s, w, setter, true)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SETTERS = {"property", "put", "map.of", "set", "setenv", "putenv", "env", "header", "entry",
        "attribute", "param", "parameter", "option", "secret", "credential", "credentials", "config", "setvalue",
        "field", "variable", "var", "arg", "argument"};

    /** {@code <password>…}: the value is the element's text, which must be closed by a tag. */
    private static boolean xmlElement(CharSequence s, int p, Assignment a) {
        int n = s.length();
        int limit = Math.min(n, p + MAX_TAG);
        int q = p;
        while (q < limit && s.charAt(q) != '>' && s.charAt(q) != '<' && s.charAt(q) != '\n') {
            q++;
        }
        if (q >= limit || s.charAt(q) != '>' || s.charAt(q - 1) == '/') {
            return false;
        }
        a.operator = '>';
        a.valueStart = valueTagEnd(s, q + 1); // <property name="password"><value>…</value>
        a.syntax = XML_ELEMENT;
        if (Text.matchesAt(s, a.valueStart, CDATA, false)) {
            a.valueStart += CDATA.length(); // <password><![CDATA[…]]></password>
            int end = Text.indexOf(s, "]]>", a.valueStart, Math.min(n, a.valueStart + 4096));
            return end >= 0 && Text.matchesAt(s, end + 3, "</", false);
        }
        int close = a.valueStart;
        int closeLimit = Math.min(n, close + 4096);
        while (close < closeLimit && s.charAt(close) != '<') {
            close++;
        }
        // <password>@cluster… in a placeholder URI is no element: the text must end at a closing tag.
        return close + 1 < n && s.charAt(close) == '<' && s.charAt(close + 1) == '/';
    }

    private static final String REJECTED = ": rejected value [";
    static final String CDATA = "<![CDATA[";

    /** Whether the name at {@code b} is a table row's first cell: only a {@code |} and blanks before it on its line. */
    private static boolean tableRow(CharSequence s, int b) {
        int j = b;
        while (j > 0 && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
            j--;
        }
        if (j == 0 || s.charAt(j - 1) != '|') {
            return false;
        }
        j--;
        while (j > 0 && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
            j--;
        }
        return j == 0 || s.charAt(j - 1) == '\n' || s.charAt(j - 1) == '\r';
    }

    /** Whether the name at {@code ns} ends a namespaced tag's name: {@code <wsse:Password>}, {@code <ns2:password>}. */
    private static boolean namespacedTag(CharSequence s, int ns) {
        if (s.charAt(ns - 1) != ':') {
            return false;
        }
        int j = ns - 1;
        while (j > 0 && ns - j < 32 && Alphabet.IDENTIFIER.contains(s.charAt(j - 1))) {
            j--;
        }
        return j < ns - 1 && j > 0 && s.charAt(j - 1) == '<';
    }

    /**
     * After a tag that ends at {@code from - 1}: past an opening tag named {@code value}, {@code param-value} (any
     * name ending in "value", any case) that starts at {@code from}, after blanks and line breaks, where the value
     * then starts; else {@code from}.
     */
    private static int valueTagEnd(CharSequence s, int from) {
        int n = s.length();
        int p = from;
        while (p < n && p - from < MAX_PAIR_GAP && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        if (p >= n || s.charAt(p) != '<') {
            return from;
        }
        int q = p + 1;
        while (q < n && q - p < 40 && (NameFinder.isNameChar(s.charAt(q)) || s.charAt(q) == ':')) {
            q++;
        }
        return q < n && s.charAt(q) == '>' && q - p > 5 && Text.matchesAt(s, q - 5, "value", true) ? q + 1 : from;
    }

    /**
     * Where a sibling element's value starts when the name at {@code s[ns, ne)} is the whole text of an element
     * named {@code key}, {@code name} or ending in "name" ({@code <key>password</key><value>…</value>}, a web.xml
     * {@code <param-name>}): the position of the {@code >} that closes the sibling's opening tag, for
     * {@link #xmlElement}; -1 otherwise.
     */
    private static int elementSibling(CharSequence s, int ns, int ne) {
        int n = s.length();
        int t = ns - 1; // the '>' of the opening tag
        int j = t;
        while (j > 0 && t - j < 40 && (NameFinder.isNameChar(s.charAt(j - 1)) || s.charAt(j - 1) == ':')) {
            j--;
        }
        if (j == 0 || s.charAt(j - 1) != '<' || j == t) {
            return -1;
        }
        boolean named = t - j == 3 && Text.matchesAt(s, j, "key", true)
                || t - j >= 4 && Text.matchesAt(s, t - 4, "name", true);
        int close = ne;
        if (!named || close + 2 + (t - j) >= n || s.charAt(close) != '<' || s.charAt(close + 1) != '/') {
            return -1;
        }
        for (int k = 0; k < t - j; k++) {
            if (s.charAt(close + 2 + k) != s.charAt(j + k)) {
                return -1; // not this element's closing tag
            }
        }
        int after = close + 2 + (t - j);
        if (after >= n || s.charAt(after) != '>') {
            return -1;
        }
        int value = valueTagEnd(s, after + 1);
        return value > after + 1 ? value - 1 : -1;
    }

    /** Whether the quoted name at {@code b} is itself an attribute's value: {@code key="…"}, {@code "Name":"…"}. */
    private static boolean valueOfAttribute(CharSequence s, int b) {
        int j = b - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        return j >= 0 && (s.charAt(j) == '=' || s.charAt(j) == ':');
    }

    /** After {@code key="Password"}: the position after {@code value=} (or {@code "Value":}), or -1. */
    private static int pairedValue(CharSequence s, int p, char quote, int level) {
        int n = s.length();
        int limit = Math.min(n, p + MAX_PAIR_GAP);
        p = skipBlanks(s, p);
        if (p < n && s.charAt(p) == ',') {
            p++; // pretty-printed JSON puts the sibling on the next line
            while (p < limit && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\n' || s.charAt(p) == '\r')) {
                p++;
            }
        }
        if (matchesQuote(s, p, quote, level)) {
            p += quoteLength(level);
        }
        int word = p;
        while (p < limit && NameFinder.isNameChar(s.charAt(p))) {
            p++;
        }
        if (p - word < 5 || !Text.matchesAt(s, p - 5, "value", true)) {
            return -1;
        }
        if (matchesQuote(s, p, quote, level)) {
            p += quoteLength(level);
        }
        p = skipBlanks(s, p);
        int op = operatorLength(s, p);
        return op > 0 && p < limit ? p + op : -1;
    }

    /**
     * Where the value of a sibling {@code value} field begins when the name {@code s[ns, ne)} is the value of a
     * field named {@code …name} or {@code key} (the name may end a path, {@code /prod/db/password}, and be quoted);
     * -1 otherwise.
     */
    static int siblingValue(CharSequence s, int ns, int ne) {
        int n = s.length();
        int j = ns;
        int floor = Math.max(0, ns - MAX_PAIR_GAP);
        while (j > floor && (NameFinder.isNameChar(s.charAt(j - 1)) || s.charAt(j - 1) == '/' || s.charAt(j - 1) == '.'
                || s.charAt(j - 1) == '-')) {
            j--;
        }
        char quote = j > 0 ? plainQuoteAt(s, j - 1) : 0;
        if (quote != 0) {
            j--;
        }
        while (j > 0 && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
            j--;
        }
        if (j == 0 || (s.charAt(j - 1) != '=' && s.charAt(j - 1) != ':')) {
            return -1;
        }
        j--;
        if (j > 0 && s.charAt(j - 1) == '"') {
            j--;
        }
        int keyEnd = j;
        while (j > 0 && NameFinder.isNameChar(s.charAt(j - 1))) {
            j--;
        }
        boolean named = keyEnd - j >= 4 && Text.matchesAt(s, keyEnd - 4, "name", true)
                || keyEnd - j == 3 && Text.matchesAt(s, j, "key", true);
        if (!named) {
            return -1;
        }
        int p = ne;
        int limit = Math.min(n, ne + MAX_PAIR_GAP);
        if (quote != 0 && (p = closedBy(s, p, quote)) < 0) {
            return -1;
        }
        // The sibling follows after a comma (a blank or a line break may follow it), or on the next line (a YAML list
        // item); at most two other fields of the same object may come first (Name=…, Type=SecureString, Value=…).
        for (int field = 0; field < 3; field++) {
            p = skipBlanks(s, p);
            if (p < n && s.charAt(p) == ',') {
                p++;
            } else if (p >= n || (s.charAt(p) != '\n' && s.charAt(p) != '\r')) {
                return -1;
            }
            while (p < limit && (s.charAt(p) == '\n' || s.charAt(p) == '\r' || s.charAt(p) == ' ')) {
                p++;
            }
            char fieldQuote = plainQuoteAt(s, p);
            int word = fieldQuote != 0 ? p + 1 : p;
            int q = word;
            while (q < limit && NameFinder.isNameChar(s.charAt(q))) {
                q++;
            }
            if (fieldQuote != 0 && (q = closedBy(s, q, fieldQuote)) < 0) {
                return -1;
            }
            int afterWord = q;
            q = skipBlanks(s, q);
            int op = operatorLength(s, q);
            if (op == 0 || q >= limit || afterWord - word < 3) {
                return -1;
            }
            if (Text.matchesAt(s, word, "value", true) && afterWord - word == 5 + (fieldQuote != 0 ? 1 : 0)) {
                return q + op;
            }
            // Another field: skip its value when it is a plain word (no bracket, quote-free or simply quoted).
            p = skipBlanks(s, q + op);
            char vq = plainQuoteAt(s, p);
            if (vq != 0) {
                p++;
            }
            while (p < limit && (NameFinder.isNameChar(s.charAt(p)) || s.charAt(p) == '-' || s.charAt(p) == '.')) {
                p++;
            }
            if (vq != 0 && (p = closedBy(s, p, vq)) < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The quote ({@code "} or {@code '}) at {@code p}, or 0. */
    private static char plainQuoteAt(CharSequence s, int p) {
        char c = p < s.length() ? s.charAt(p) : 0;
        return c == '"' || c == '\'' ? c : 0;
    }

    /** The position after {@code quote} at {@code p}, or -1 when it is not there. */
    private static int closedBy(CharSequence s, int p, char quote) {
        return p < s.length() && s.charAt(p) == quote ? p + 1 : -1;
    }

    private static boolean isQuotedNext(CharSequence s, int p) {
        p = skipBlanks(s, p);
        while (p < s.length() && s.charAt(p) == '\\') {
            p++;
        }
        return p < s.length() && isQuote(s.charAt(p));
    }

    /** {@code export X_TOKEN=…}, {@code set PASSWORD=…}, {@code ENV API_KEY …}. */
    private static boolean afterShellWord(CharSequence s, int b) {
        int j = b;
        if (j == 0 || s.charAt(j - 1) != ' ') {
            return false;
        }
        j--;
        while (j > 0 && s.charAt(j - 1) == ' ') {
            j--;
        }
        for (String word : SHELL_WORDS) {
            int w = j - word.length();
            if (w >= 0 && Text.matchesAt(s, w, word, false) && (w == 0 || !NameFinder.isNameChar(s.charAt(w - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SHELL_WORDS = {"export", "set", "setenv", "declare -x", "ENV", "local", "readonly"};

    /**
     * The character before the pair, skipping blanks; {@code '\n'} at the start of a line (also after a JSON
     * {@code \n} escape), so that a name heading a line is recognised.
     */
    private static char previous(CharSequence s, int b) {
        int j = b - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        if (j < 0) {
            return 0; // the start of a message is no config line ("token=abc retrying" ends at the blank) unless more follow
        }
        char c = s.charAt(j);
        if (c == '\r') {
            return '\n';
        }
        if ((c == 'n' || c == 'r') && j > 0 && s.charAt(j - 1) == '\\' && (j < 2 || s.charAt(j - 2) != '\\')) {
            return '\n';
        }
        if (c == ']' && j >= 3 && s.charAt(j - 3) == '[' && s.charAt(j - 2) == '\\') {
            return '\n'; // HttpClient wire log: [\r][\n]
        }
        return c;
    }

    /** Length of the operator at {@code p}: = : := ::= => == === .= += ?= ||=; 0 when there is none. */
    static int operatorLength(CharSequence s, int p) {
        int n = s.length();
        if (p >= n) {
            return 0;
        }
        char c = s.charAt(p);
        char next = p + 1 < n ? s.charAt(p + 1) : 0;
        switch (c) {
            case '=':
                if (next == '=' || next == '>') {
                    // "a == b", "'k' => v"; unspaced, "key==x" and "key=>x" are "=" and a value starting with = or >
                    int len = next == '=' && p + 2 < n && s.charAt(p + 2) == '=' ? 3 : 2;
                    boolean spacedBefore = p > 0 && (s.charAt(p - 1) == ' ' || s.charAt(p - 1) == '\t');
                    if (next == '>' && !spacedBefore && (p > 0 && isQuote(s.charAt(p - 1))
                            || p + 2 < n && isQuote(s.charAt(p + 2)))) {
                        return 2; // Ruby's Hash#inspect: {"password"=>"…"}, {:password=>"…"}
                    }
                    return spacedBefore && p + len < n && (s.charAt(p + len) == ' ' || s.charAt(p + len) == '\t')
                            ? len : 1;
                }
                return 1;
            case ':':
                if (next == '=') {
                    return 2;
                }
                if (next == ':') {
                    return p + 2 < n && s.charAt(p + 2) == '=' ? 3 : 0; // Token::new is a method reference
                }
                if (next == '/' && p + 2 < n && s.charAt(p + 2) == '/') {
                    return 0; // a URL scheme
                }
                return 1;
            case '-':
                // "password -> x" (a rendered map entry, Scala, Kotlin); unspaced, a->b is PHP's or C's member access
                return next == '>' && p > 0 && (s.charAt(p - 1) == ' ' || s.charAt(p - 1) == '\t') && p + 2 < n
                        && s.charAt(p + 2) == ' ' ? 2 : 0;
            case '.':
                if (next == '.') {
                    // dot leaders, as HikariCP prints its configuration: "password.............value", glued to it
                    int q = p;
                    while (q < n && s.charAt(q) == '.') {
                        q++;
                    }
                    if (q - p < MIN_LEADER) {
                        return 0;
                    }
                    // or spaced, as aligned listings print it: "password ....... value", "password ..... : value"
                    int r = q;
                    while (r < n && r - q < MAX_BLANKS && (s.charAt(r) == ' ' || s.charAt(r) == '\t')) {
                        r++;
                    }
                    boolean spaced = r > q && p > 0 && (s.charAt(p - 1) == ' ' || s.charAt(p - 1) == '\t');
                    if (spaced && r < n && (s.charAt(r) == ':' || s.charAt(r) == '=')) {
                        r++;
                        q = r;
                        while (r < n && r - q < MAX_BLANKS && (s.charAt(r) == ' ' || s.charAt(r) == '\t')) {
                            r++;
                        }
                    }
                    return r < n && s.charAt(r) != '\n' && s.charAt(r) != '\r' && (r == q || spaced) ? q - p : 0;
                }
                return next == '=' ? 2 : 0;
            case '+':
            case '?':
                return next == '=' ? 2 : 0;
            case '|':
                return next == '|' && p + 2 < n && s.charAt(p + 2) == '=' ? 3 : 0;
            default:
                return 0;
        }
    }

    static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    /** Escape depth for a run of backslashes before a quote: 0, 1, 3, 7 backslashes are depths 0 to 3. */
    static int level(int backslashes) {
        return switch (backslashes) {
            case 0 -> 0;
            case 1 -> 1;
            case 3 -> 2;
            case 7 -> 3;
            default -> -1;
        };
    }

    static int quoteLength(int level) {
        return 1 << level;
    }

    /** Whether a quote of this depth ({@code (2^level - 1)} backslashes, then the quote) starts at {@code p}. */
    static boolean matchesQuote(CharSequence s, int p, char quote, int level) {
        int backslashes = (1 << level) - 1;
        if (p + backslashes >= s.length()) {
            return false;
        }
        for (int i = 0; i < backslashes; i++) {
            if (s.charAt(p + i) != '\\') {
                return false;
            }
        }
        return s.charAt(p + backslashes) == quote;
    }

    static int backslashesBefore(CharSequence s, int quoteAt) {
        int j = quoteAt;
        while (j > 0 && quoteAt - j < 8 && s.charAt(j - 1) == '\\') {
            j--;
        }
        return quoteAt - j;
    }

    static int skipBlanks(CharSequence s, int p) {
        int limit = Math.min(s.length(), p + MAX_BLANKS);
        while (p < limit && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }
}
