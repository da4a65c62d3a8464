package dev.scrubber.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The generated corpus of named secrets: random values over all printable ASCII (every punctuation character, a
 * leading {@code $}, quotes and backslashes escaped as each syntax escapes them) under every spelling of every
 * sensitive name, in every syntax the engine reads. Built at run time from a seed; nothing key-shaped is committed.
 *
 * <p>A syntax that cannot carry a value unambiguously (a blank in an unquoted logfmt value, {@code , name=} inside a
 * {@code toString} value) does not get that value: the case is drawn again. These ambiguities are the documented
 * limits of each syntax (docs/rules.md, "Value syntaxes").
 */
final class NamedValueCorpus {
    /** A line to scrub, the secret in it as written raw, and the text around it that must survive. */
    record Case(String syntax, String name, String value, String line, String before, String after) {
        @Override
        public String toString() {
            return syntax + " / " + name; // never the value
        }
    }

    /** Base names as words; each is spelled every way a program spells names. */
    static final List<List<String>> PASSWORD_NAMES = List.of(List.of("password"), List.of("db", "password"),
            List.of("passwd"), List.of("pwd"), List.of("passphrase"), List.of("secret"), List.of("client", "secret"),
            List.of("admin", "password"), List.of("db", "password"), List.of("new", "password"),
            List.of("password", "value"), List.of("secret", "string"));
    static final List<List<String>> CREDENTIAL_NAMES = List.of(List.of("api", "key"), List.of("access", "key"),
            List.of("secret", "key"), List.of("secret", "access", "key"), List.of("account", "key"),
            List.of("storage", "account", "key"), List.of("private", "key"), List.of("signing", "key"),
            List.of("master", "key"), List.of("license", "key"), List.of("encryption", "key"),
            List.of("openai", "api", "key"), List.of("anthropic", "key"), List.of("token"), List.of("access", "token"),
            List.of("auth", "token"), List.of("refresh", "token"), List.of("bearer", "auth", "token"), List.of("id", "token"),
            List.of("github", "token"), List.of("x", "auth", "token"), List.of("session", "token"),
            List.of("csrf", "token"), List.of("credentials"), List.of("credential"), List.of("session", "id"),
            List.of("cookie"), List.of("signature"), List.of("x", "api", "key"), List.of("basic", "auth"),
            List.of("subscription", "key"), List.of("app", "secret", "key"));
    static final List<List<String>> WEAK_NAMES = List.of(List.of("key"), List.of("auth"), List.of("session"));

    private static final String PRINTABLE;

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            sb.append(c);
        }
        PRINTABLE = sb.toString();
    }

    private final Random random;

    NamedValueCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** Every spelling of a name's words. */
    static List<String> spellings(List<String> words) {
        List<String> out = new ArrayList<>();
        out.add(String.join("_", words));
        out.add(String.join("-", words));
        out.add(String.join(".", words));
        out.add(String.join("_", words).toUpperCase(Locale.ROOT));
        out.add(camel(words, false));
        out.add(camel(words, true));
        if (words.size() > 1) {
            out.add(String.join(" ", words));
            out.add(String.join(" ", words).toUpperCase(Locale.ROOT));
            out.add(titleWords(words));
            String glued = String.join("", words);
            if (SensitiveKeys.classify(glued, 0, glued.length()) != SensitiveKeys.NONE && anchored(glued)) {
                out.add(String.join("", words)); // glued lower case where the vocabulary reads it: apikey
                out.add(String.join("", words).toUpperCase(Locale.ROOT));
            }
            out.add("spring.datasource." + camel(words, false));
            out.add("app." + String.join("-", words));
        }
        return out;
    }

    /**
     * Whether a glued lower-case name contains an anchor of the credential rules: glued names are found only where
     * an anchor is cheap enough for the prefilter ({@code apikey} is, {@code masterkey} is not; DESIGN.md).
     */
    private static boolean anchored(String glued) {
        for (Rule rule : Catalog.rules()) {
            for (Anchor anchor : rule.anchors) {
                if (rule.verifier instanceof KeywordValueVerifier && anchor.ignoreCase()
                        && glued.contains(anchor.literal())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String camel(List<String> words, boolean upperFirst) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            sb.append(i == 0 && !upperFirst ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }

    private static String titleWords(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return String.join(" ", out);
    }

    /** A random value over all printable ASCII; one in eight starts with {@code $}. */
    String value(int minLength, int maxLength) {
        int n = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
        }
        if (random.nextInt(8) == 0) {
            sb.setCharAt(0, '$');
        }
        return sb.toString();
    }

    /** One syntax: how to write a pair, and which names and values it can carry. */
    record Syntax(String id, Predicate<String> nameOk, Predicate<String> valueOk, Writer writer) {
    }

    interface Writer {
        /** Returns {before, written value, after}. */
        String[] write(String name, String value);
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern KEBAB = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    /** The next pair inside a value: {@code , name=}, {@code ; name:}, {@code &name=}, {@code  name=}. */
    private static final Pattern NEXT_PAIR = Pattern.compile("[,;& \\t]\\s*[\"']?[A-Za-z_][A-Za-z0-9_.-]*[\"']?\\s*[=:]");
    private static final Pattern ESCAPED_EOL = Pattern.compile("\\\\[nrt]|\\[\\\\[rn]\\]");

    static boolean noBlankEdges(String v) {
        return !v.isEmpty() && v.charAt(0) != ' ' && v.charAt(v.length() - 1) != ' ';
    }

    /** Unquoted values must not start like a quoted one or a nested structure, nor contain an escaped line break. */
    static boolean plainStart(String v) {
        char c = v.charAt(0);
        return noBlankEdges(v) && "\"'`{[\\".indexOf(c) < 0 && !ESCAPED_EOL.matcher(v).find();
    }

    /** A {@code toString} value: no next entry inside, no closing bracket that could end the dump. */
    static Predicate<String> dumpValue(char opener) {
        return v -> dumpValue(v) && v.indexOf(opener) < 0;
    }

    static boolean dumpValue(String v) {
        return plainStart(v) && !NEXT_PAIR.matcher(v).find() && !Pattern.compile("[}\\])][\\s,;\"'\\\\{}\\[\\]()]|[}\\])]$")
                .matcher(v).find() && "})]".indexOf(v.charAt(0)) < 0 && v.indexOf("  ") < 0;
    }

    /** A line value (properties, YAML, headers): no next pair, no aligned gap, nothing the line syntax ends at. */
    static boolean lineValue(String v) {
        return plainStart(v) && !NEXT_PAIR.matcher(v).find() && v.indexOf("  ") < 0 && v.indexOf(" #") < 0;
    }

    /** An unquoted logfmt or flag value: one word without quotes. */
    static boolean wordValue(String v) {
        return plainStart(v) && v.indexOf(' ') < 0 && v.indexOf('"') < 0 && v.indexOf('\'') < 0
                && !NEXT_PAIR.matcher(v).find() && !Pattern.compile("[,;.)\\]}]$").matcher(v).find()
                && !v.contains("</") && v.indexOf('\\') < 0;
    }

    static String json(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String xml(String v, boolean attribute) {
        String out = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return attribute ? out.replace("\"", "&quot;") : out;
    }

    static String shellSingle(String v) {
        return "'" + v.replace("'", "'\\''") + "'";
    }

    static String pythonSingle(String v) {
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Every syntax of the issue, each with the escaping it uses. */
    static List<Syntax> syntaxes() {
        Predicate<String> any = n -> true;
        Predicate<String> noSpace = n -> n.indexOf(' ') < 0;
        Predicate<String> ident = n -> IDENTIFIER.matcher(n).matches();
        Predicate<String> token = n -> TOKEN_NAME.matcher(n).matches();
        Predicate<String> kebab = n -> KEBAB.matcher(n).matches();
        Predicate<String> all = v -> true;
        return List.of(
                new Syntax("map-toString", any, dumpValue('{'),
                        (n, v) -> new String[] {"{username=app, " + n + "=", v, ", engine=postgres}"}),
                new Syntax("map-toString-last", any, dumpValue('{'),
                        (n, v) -> new String[] {"Loaded {host=db.internal, " + n + "=", v, "} from config"}),
                new Syntax("nested-map", noSpace, dumpValue('{'),
                        (n, v) -> new String[] {"{spring={datasource={url=jdbc:postgresql://db/app, " + n + "=", v,
                            "}}, server={port=8080}}"}),
                new Syntax("lombok", token, dumpValue('('),
                        (n, v) -> new String[] {"DbConfig(user=app, " + n + "=", v, ", pool=10)"}),
                new Syntax("record", token, dumpValue('['),
                        (n, v) -> new String[] {"Credentials[user=app, " + n + "=", v, "]"}),
                new Syntax("json", any, all,
                        (n, v) -> new String[] {"{\"user\":\"app\",\"" + n + "\":\"", json(v), "\",\"n\":1}"}),
                new Syntax("json-spaced", any, all,
                        (n, v) -> new String[] {"{\n  \"" + n + "\" :   \"", json(v), "\",\n  \"n\": 1\n}"}),
                new Syntax("json-in-json", any, all,
                        (n, v) -> new String[] {"{\"message\":\"{\\\"" + n + "\\\":\\\"", json(json(v)),
                            "\\\",\\\"n\\\":1}\",\"level\":\"INFO\"}"}),
                new Syntax("python-dict", any, all,
                        (n, v) -> new String[] {"{'user': 'app', '" + n + "': ", pythonSingle(v), ", 'n': 1}"}),
                new Syntax("yaml", noSpace, NamedValueCorpus::lineValue,
                        (n, v) -> new String[] {"spring:\n  datasource:\n    " + n + ": ", v, "\n    url: x"}),
                new Syntax("yaml-quoted", noSpace, all,
                        (n, v) -> new String[] {"db:\n  " + n + ": \"", json(v), "\"\n  user: app"}),
                new Syntax("properties", noSpace, NamedValueCorpus::lineValue,
                        (n, v) -> new String[] {"# app\n" + n + "=", v, "\nserver.port=8080"}),
                new Syntax("properties-aligned", noSpace, NamedValueCorpus::lineValue,
                        (n, v) -> new String[] {"# aligned\n" + n + "          =    ", v, "\nnext.key       =    1"}),
                new Syntax("env", ident, all,
                        (n, v) -> new String[] {"export " + n + "=", shellSingle(v), "\nexport PATH=/usr/bin"}),
                new Syntax("dotenv-quoted", ident, all,
                        (n, v) -> new String[] {n + "=\"", json(v), "\"\nDEBUG=false"}),
                new Syntax("toml", noSpace, all,
                        (n, v) -> new String[] {"[database]\n" + n + " = \"", json(v), "\"\nport = 5432"}),
                new Syntax("ini-aligned", noSpace, NamedValueCorpus::lineValue,
                        (n, v) -> new String[] {"[db]\n" + n + "\t\t= ", v, "\nport = 5432"}),
                new Syntax("xml-element", token, all,
                        (n, v) -> new String[] {"<config><" + n + ">", xml(v, false), "</" + n + "><user>app</user></config>"}),
                new Syntax("xml-key-value", any, all,
                        (n, v) -> new String[] {"<appSettings><add key=\"" + n + "\" value=\"", xml(v, true),
                            "\" /></appSettings>"}),
                new Syntax("http-header", kebab, NamedValueCorpus::lineValue,
                        (n, v) -> new String[] {"POST /v1/chat HTTP/1.1\r\nHost: api.example.com\r\n" + n + ": ", v,
                            "\r\nContent-Type: application/json\r\n"}),
                new Syntax("query", token, all,
                        (n, v) -> new String[] {"GET https://api.example.com/v1/items?user=app&" + n + "=",
                            URLEncoder.encode(v, StandardCharsets.UTF_8), "&page=2 took 31ms"}),
                new Syntax("cli-flag-equals", kebab, all,
                        (n, v) -> new String[] {"java -jar app.jar --" + n + "=", shellSingle(v), " --verbose"}),
                new Syntax("cli-flag-space", kebab, all,
                        (n, v) -> new String[] {"app --" + n + " ", shellSingle(v), " --port 8080"}),
                new Syntax("cli-flag-word", kebab, v -> wordValue(v) && !Pattern.compile("[;|&<>()`$*?!#~]").matcher(v).find(),
                        (n, v) -> new String[] {"app --" + n + "=", v, " --port 8080"}),
                new Syntax("java-field", ident, all,
                        (n, v) -> new String[] {"    private static final String " + n + " = \"", json(v), "\";"}),
                new Syntax("kotlin-val", ident, all,
                        (n, v) -> new String[] {"val " + n + " = \"", json(v), "\""}),
                new Syntax("js-const", ident, all,
                        (n, v) -> new String[] {"const " + n + " = ", pythonSingle(v), ";"}),
                new Syntax("go-short", ident, all,
                        (n, v) -> new String[] {n + " := \"", json(v), "\""}),
                new Syntax("php-array", any, all,
                        (n, v) -> new String[] {"$config = ['" + n + "' => ", pythonSingle(v), ", 'port' => 5432];"}),
                new Syntax("set-property", any, all,
                        (n, v) -> new String[] {"System.setProperty(\"" + n + "\", \"", json(v), "\");"}),
                new Syntax("logfmt-quoted", token, all,
                        (n, v) -> new String[] {"level=info msg=\"connected\" " + n + "=\"", json(v), "\" user=bob"}),
                new Syntax("logfmt", token, NamedValueCorpus::wordValue,
                        (n, v) -> new String[] {"level=info msg=connected " + n + "=", v, " user=bob"}),
                new Syntax("colon-aligned", any, NamedValueCorpus::lineValue,
                        (n, v) -> new String[] {"Config:\n" + n + "       :   ", v, "\nRegion       :   eu-west-1"}));
    }

    /** Cases for one tier's names in every syntax, {@code perSyntax} random values each. */
    List<Case> cases(List<List<String>> names, int minLength, int maxLength, int perSpelling) {
        List<Case> out = new ArrayList<>();
        for (Syntax syntax : syntaxes()) {
            for (List<String> words : names) {
                for (String name : spellings(words)) {
                    if (!syntax.nameOk().test(name)) {
                        continue;
                    }
                    for (int k = 0; k < perSpelling; k++) {
                        out.add(draw(syntax, name, minLength, maxLength));
                    }
                }
            }
        }
        return out;
    }

    Case draw(Syntax syntax, String name, int minLength, int maxLength) {
        for (int attempt = 0; ; attempt++) {
            String v = value(minLength, maxLength);
            if (syntax.valueOk().test(v) && !Placeholders.isPlaceholder(v, 0, v.length()) || attempt > 10_000) {
                String[] parts = syntax.writer().write(name, v);
                return new Case(syntax.id(), name, v, parts[0] + parts[1] + parts[2], parts[0], parts[2]);
            }
        }
    }
}
