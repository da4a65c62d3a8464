package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Black-box: secrets under a name as real libraries render them. Each case builds a structure holding random
 * punctuated secrets ({@link FakeSecrets#punctuated}) next to ordinary values, renders it with the JDK
 * ({@code Map}, {@code List}, record, array, {@code Properties}, {@code String.format}, {@link URI} and its
 * exceptions), Jackson or Gson, and scrubs the text. The scrubbed text must be the rendered text with exactly the
 * secrets, as the renderer wrote them (escapes included), replaced by one mask each: a mask that stops short leaks,
 * one that runs on changes text that is no secret. Values a renderer cannot write unambiguously (docs/rules.md,
 * "Value syntaxes") are drawn again; what they do instead is pinned in {@link #knownGaps()}.
 * {@code -Drendered.seed=N -Drendered.per=M} draws other cases; {@code -Drendered.all=true} lists every failure.
 */
class RenderedSecretsTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).learnSecrets(false)
            .build();
    private static final Pattern MASK = Pattern.compile("\\[REDACTED:[a-z0-9-]+\\]");
    private static final long SEED = Long.getLong("rendered.seed", 20261202L);
    private static final int PER_RENDERER = Integer.getInteger("rendered.per", 150);
    /** The next entry inside a dump value ({@code , name=}): ambiguous by construction. */
    private static final Pattern NEXT_ENTRY = Pattern.compile(",\\s*[\"']?[A-Za-z_][A-Za-z0-9_.-]*[\"']?\\s*[=:]");
    /**
     * A nested dump's start ({@code {name=}) or an empty structure inside a dump value, an opening bracket at its
     * end (which the dump's closing bracket makes an empty structure), or a list's start ({@code =[}, a leading
     * {@code [}).
     */
    private static final Pattern NESTED = Pattern.compile("[\\[{(]\\s*[A-Za-z_][A-Za-z0-9_.-]*\\s*[=:]|\\{}|\\[]|\\(\\)|[\\[{(]$|=\\[|^\\[");
    /**
     * A closing bracket inside a dump value that could close the dump (a boundary after it): ambiguous with a dump
     * that closes there; a value that ends in one is told by the line's balance when it is the only one.
     */
    private static final Pattern INNER_CLOSER = Pattern.compile("[}\\])][\\s,;\"'\\\\{}\\[\\]()]");
    /** The next parameter inside a raw query or connection-string value ({@code &name=}, {@code ;name=}). */
    private static final Pattern NEXT_PARAMETER = Pattern.compile("[&;][A-Za-z_][A-Za-z0-9_.-]*[=:]");
    /** The next pair on a config line ({@code ,name=}, {@code ;name=}, {@code &name=}). */
    private static final Pattern NEXT_LINE_PAIR = Pattern.compile("[,;&][A-Za-z_][A-Za-z0-9_.-]*\\s*[=:]");
    /**
     * Inside a raw URI password: an {@code @} that a host and the end of an authority follow, or digits and a
     * delimiter at its start (a port).
     */
    private static final Pattern URI_AMBIGUOUS = Pattern.compile("@[A-Za-z0-9][A-Za-z0-9._-]*([/?#]|:\\d|$)|^\\d{1,5}[/?#;]");
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final Gson GSON = new Gson();

    /** A rendered text and the secrets in it as written (each found once, in any order). */
    record Rendered(String text, List<String> written) {
        Rendered(String text, String... written) {
            this(text, List.of(written));
        }
    }

    private interface Renderer {
        Rendered render(Values v) throws Exception;
    }

    /** Draws the secrets of one case. */
    private static final class Values {
        final FakeSecrets fake;

        Values(long seed) {
            fake = new FakeSecrets(seed);
        }

        /** A password-generator value that {@code ok} accepts. */
        String secret(Predicate<String> ok) {
            return secret(FakeSecrets.PASSWORD_SYMBOLS, ok);
        }

        String secret(String symbols, Predicate<String> ok) {
            while (true) {
                String s = fake.punctuated(12, 28, symbols);
                if (ok.test(s)) {
                    return s;
                }
            }
        }

        /** A value over every printable character, quotes, backslash and blank included (for JSON). */
        String printable() {
            return printable(s -> true);
        }

        String printable(Predicate<String> ok) {
            return secret(FakeSecrets.ALL_SYMBOLS, ok);
        }

        /** A value a {@code toString} dump carries unambiguously. */
        String dump() {
            return secret(s -> !NEXT_ENTRY.matcher(s).find() && !NESTED.matcher(s).find()
                    && !INNER_CLOSER.matcher(s).find());
        }

        /**
         * A dump value with no bracket of any kind and a letter or digit last: inside {@code Pair(Name=…, Value=…)}
         * a bracket, trailing punctuation, {@code ;name=} or {@code </} in the value is ambiguous by construction (docs/rules.md).
         */
        String bracketFree() {
            return secret(s -> s.chars().noneMatch(c -> "()[]{}".indexOf(c) >= 0)
                    && Character.isLetterOrDigit(s.charAt(s.length() - 1)) && !NEXT_ENTRY.matcher(s).find()
                    && !NEXT_PARAMETER.matcher(s).find() && !s.contains("</"));
        }

        /** A raw URI password that does not read as more user-info, a host or a port. */
        String uriPassword() {
            return secret(s -> !URI_AMBIGUOUS.matcher(s).find());
        }

        /** A value a raw URL or connection string carries unambiguously. */
        String parameter() {
            return secret(s -> !NEXT_PARAMETER.matcher(s).find() && !s.startsWith("{"));
        }
    }

    private static final Map<String, Renderer> RENDERERS = new LinkedHashMap<>();

    record DataSource(String url, String username, String password, int maximumPoolSize) {
    }

    record ApiClient(String baseUrl, String apiKey, long timeoutMillis) {
    }

    /** A bean as Jackson and Gson serialise it. */
    public static final class Credentials {
        public String user = "app";
        public String password;
        public String clientSecret;
        public int port = 5432;
    }

    static {
        // java.util toString
        RENDERERS.put("HashMap", v -> {
            String pw = v.dump();
            String key = v.dump();
            Map<String, Object> m = new HashMap<>();
            m.put("user", "app");
            m.put("password", pw);
            m.put("url", "jdbc:postgresql://db.internal:5432/orders");
            m.put("apiKey", key);
            m.put("port", 5432);
            return new Rendered("config loaded: " + m, pw, key);
        });
        RENDERERS.put("TreeMap", v -> {
            String pw = v.dump();
            String key = v.dump();
            Map<String, Object> m = new TreeMap<>(Map.of("spring.datasource.password", pw, "spring.datasource.url",
                    "jdbc:mysql://db:3306/app", "spring.ai.openai.api-key", key, "server.port", 8080));
            return new Rendered(m.toString(), pw, key);
        });
        RENDERERS.put("nested LinkedHashMap", v -> {
            String pw = v.dump();
            String secret = v.dump();
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("url", "jdbc:postgresql://db/app");
            ds.put("password", pw);
            ds.put("hikari", Map.of("maximumPoolSize", 10));
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("spring", Map.of("datasource", ds));
            root.put("oauth", Map.of("client_secret", secret));
            root.put("server", Map.of("port", 8080));
            return new Rendered("Effective config " + root + " (3 sources)", pw, secret);
        });
        RENDERERS.put("List<Map>", v -> {
            String a = v.dump();
            String b = v.dump();
            Map<String, String> first = new LinkedHashMap<>();
            first.put("name", "primary");
            first.put("password", a);
            Map<String, String> second = new LinkedHashMap<>();
            second.put("name", "replica");
            second.put("db_password", b);
            return new Rendered("datasources=" + List.of(first, second), a, b);
        });
        RENDERERS.put("record", v -> {
            String pw = v.dump();
            return new Rendered("Creating pool " + new DataSource("jdbc:postgresql://db:5432/app", "app", pw, 10),
                    pw);
        });
        RENDERERS.put("record, credential", v -> {
            String key = v.dump();
            return new Rendered(new ApiClient("https://api.example.com/v1", key, 30_000).toString(), key);
        });
        RENDERERS.put("Map<String, List<String>> headers", v -> {
            String key = v.secret(s -> !NEXT_ENTRY.matcher(s).find() && !NESTED.matcher(s).find()
                    && s.indexOf('[') < 0 && s.indexOf(']') < 0 && s.indexOf('}') < 0);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Accept", List.of("application/json"));
            headers.put("X-Api-Key", List.of(key));
            headers.put("X-Request-Id", List.of("7f3c2a9e-1b4d-4e6f-9a8b-0c1d2e3f4a5b"));
            return new Rendered("request headers " + headers, key);
        });
        RENDERERS.put("Arrays.toString(args)", v -> {
            String pw = v.secret(s -> !s.contains(", ") && !NESTED.matcher(s).find());
            String[] args = {"--spring.profiles.active=prod", "--password", pw, "--verbose"};
            return new Rendered("Starting with args " + Arrays.toString(args), pw);
        });
        RENDERERS.put("List.toString(args), flag=value", v -> {
            String key = v.secret(s -> !s.contains(", ") && !NESTED.matcher(s).find());
            List<String> args = List.of("-jar", "app.jar", "--api-key=" + key, "--port=8080");
            return new Rendered("command line: " + args, key);
        });
        RENDERERS.put("Properties.toString", v -> {
            String pw = v.dump();
            Properties p = new Properties();
            p.setProperty("db.user", "app");
            p.setProperty("db.password", pw);
            return new Rendered(p.toString(), pw);
        });
        RENDERERS.put("Properties.store", v -> {
            String pw = v.printable(s -> s.indexOf("  ") < 0 && !NEXT_LINE_PAIR.matcher(s).find()
                    && !Pattern.compile(" [A-Za-z_][A-Za-z0-9_.-]*\\s*[=:]").matcher(s).find());
            Properties p = new Properties();
            p.setProperty("db.password", pw);
            StringWriter out = new StringWriter();
            p.store(out, null);
            String text = out.toString();
            text = text.substring(text.indexOf('\n') + 1); // the date comment
            String line = text.substring(text.indexOf("db.password=") + "db.password=".length());
            return new Rendered("Writing app.properties:\n" + text, line.substring(0, line.indexOf(
                    System.lineSeparator())));
        });
        RENDERERS.put("Properties.list", v -> {
            String pw = v.secret(s -> s.length() <= 40 && !NEXT_LINE_PAIR.matcher(s).find());
            Properties p = new Properties();
            p.setProperty("app.secret", pw);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            p.list(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            return new Rendered(bytes.toString(StandardCharsets.UTF_8), pw);
        });
        RENDERERS.put("environment map", v -> {
            String pw = v.dump();
            String key = v.dump();
            Map<String, String> env = new TreeMap<>();
            env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
            env.put("DB_PASSWORD", pw);
            env.put("HOME", "/home/app");
            env.put("OPENAI_API_KEY", key);
            return new Rendered("env: " + env, pw, key);
        });
        RENDERERS.put("environment lines", v -> {
            String pw = v.secret(s -> !NEXT_LINE_PAIR.matcher(s).find());
            String key = v.secret(s -> !NEXT_LINE_PAIR.matcher(s).find());
            Map<String, String> env = new TreeMap<>();
            env.put("DB_PASSWORD", pw);
            env.put("HOME", "/home/app");
            env.put("STRIPE_SECRET_KEY", key);
            StringBuilder sb = new StringBuilder();
            env.forEach((name, value) -> sb.append(name).append('=').append(value).append('\n'));
            return new Rendered(sb.toString(), pw, key);
        });
        // name/value siblings: the secret's name is itself a value (Kubernetes/compose env lists, SDK and SSM dumps)
        RENDERERS.put("YAML env list", v -> {
            // A plain YAML scalar: no indicator first (a YAML writer would quote such a value), none of ": " or
            // " #", and ending in a letter or digit (trailing punctuation is read as the sentence's).
            String pw = v.secret(s -> "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0 && !s.contains(" #")
                    && !s.contains(": ") && Character.isLetterOrDigit(s.charAt(s.length() - 1))
                    && !NEXT_LINE_PAIR.matcher(s).find() && !NEXT_PARAMETER.matcher(s).find() && !s.contains("</"));
            String key = v.secret(s -> !s.contains("\"") && !s.contains("\\"));
            return new Rendered("containers:\n- name: api\n  env:\n  - name: DB_PASSWORD\n    value: " + pw
                    + "\n  - name: HOME\n    value: /home/app\n  - name: OPENAI_API_KEY\n    value: \"" + key
                    + "\"\n  - name: LOG_LEVEL\n    value: info\n", pw, key);
        });
        RENDERERS.put("name/value dump", v -> {
            String pw = v.bracketFree();
            String key = v.bracketFree();
            return new Rendered("Environment=[KeyValuePair(Name=DB_PASSWORD, Value=" + pw
                    + "), KeyValuePair(Name=REGION, Value=us-east-1), KeyValuePair(Name=STRIPE_SECRET_KEY, Value="
                    + key + ")]", pw, key);
        });
        RENDERERS.put("parameter dump, a field between", v -> {
            String pw = v.bracketFree();
            return new Rendered("Parameter(Name=/prod/orders/db/password, Type=SecureString, Value=" + pw
                    + ", Version=3)", pw);
        });
        RENDERERS.put("Jackson pretty name/value list", v -> {
            String pw = v.printable();
            String key = v.printable();
            List<Map<String, String>> env = new ArrayList<>();
            for (String[] e : new String[][] {{"DB_PASSWORD", pw}, {"HOME", "/home/app"}, {"ANTHROPIC_API_KEY", key}}) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("name", e[0]);
                m.put("value", e[1]);
                env.add(m);
            }
            return new Rendered(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(env),
                    JACKSON.writeValueAsString(pw).replaceAll("^\"|\"$", ""),
                    JACKSON.writeValueAsString(key).replaceAll("^\"|\"$", ""));
        });
        RENDERERS.put("String.format, single quotes", v -> {
            String pw = v.secret(s -> true);
            return new Rendered(String.format("connecting as %s with password='%s' to %s", "app", pw, "db:5432"), pw);
        });
        RENDERERS.put("String.format, double quotes", v -> {
            String key = v.secret(s -> true);
            return new Rendered(String.format("client config: api_key=\"%s\", region=\"%s\"", key, "eu-west-1"), key);
        });
        // java.net.URI and the URLs drivers read
        RENDERERS.put("URI(scheme, userInfo, …)", v -> {
            String pw = v.uriPassword();
            URI uri = new URI("postgresql", "app:" + pw, "db.internal", 5432, "/orders", "sslmode=require", null);
            String raw = uri.getRawUserInfo();
            return new Rendered("datasource " + uri + " ready", raw.substring(raw.indexOf(':') + 1));
        });
        RENDERERS.put("URISyntaxException", v -> {
            String pw = v.uriPassword();
            String input = "postgres://app:" + pw + "@db.internal:5432/orders";
            try {
                new URI(input);
                return new Rendered("parsed " + input, pw);
            } catch (URISyntaxException e) {
                return new Rendered("java.net.URISyntaxException: " + e.getMessage(), pw);
            }
        });
        RENDERERS.put("jdbc:postgresql user:password@", v -> {
            String pw = v.uriPassword();
            return new Rendered("HikariPool-1 - url=jdbc:postgresql://app:" + pw + "@db:5432/orders?ssl=true", pw);
        });
        RENDERERS.put("jdbc:mysql ?password=", v -> {
            String pw = v.parameter();
            return new Rendered("jdbc:mysql://db:3306/orders?user=app&password=" + pw + "&useSSL=true", pw);
        });
        RENDERERS.put("jdbc:sqlserver ;password=", v -> {
            String pw = v.parameter();
            return new Rendered("jdbc:sqlserver://db:1433;databaseName=orders;user=app;password=" + pw
                    + ";encrypt=true", pw);
        });
        RENDERERS.put("jdbc:sqlserver ;password={…}", v -> {
            String pw = v.secret(s -> !s.contains("}"));
            return new Rendered("jdbc:sqlserver://db:1433;user=app;password={" + pw + "};encrypt=true", pw);
        });
        RENDERERS.put("jdbc:oracle:thin user/password@", v -> {
            String pw = v.uriPassword();
            return new Rendered("Connecting to jdbc:oracle:thin:app/" + pw + "@db.internal:1521/ORCLPDB1", pw);
        });
        // JSON libraries
        RENDERERS.put("Jackson Map", v -> {
            String pw = v.printable();
            String key = v.printable();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user", "app");
            m.put("password", pw);
            m.put("apiKey", key);
            m.put("retries", 3);
            return new Rendered(JACKSON.writeValueAsString(m), jsonContent(JACKSON.writeValueAsString(pw)),
                    jsonContent(JACKSON.writeValueAsString(key)));
        });
        RENDERERS.put("Jackson bean, pretty", v -> {
            Credentials c = new Credentials();
            c.password = v.printable();
            c.clientSecret = v.printable();
            return new Rendered(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(c),
                    jsonContent(JACKSON.writeValueAsString(c.password)),
                    jsonContent(JACKSON.writeValueAsString(c.clientSecret)));
        });
        RENDERERS.put("Jackson String[] args", v -> {
            String pw = v.printable();
            return new Rendered(JACKSON.writeValueAsString(new String[] {"--user", "app", "--password", pw}),
                    jsonContent(JACKSON.writeValueAsString(pw)));
        });
        RENDERERS.put("Gson bean (HTML-safe escapes)", v -> {
            Credentials c = new Credentials();
            c.password = v.printable();
            c.clientSecret = v.printable();
            return new Rendered(GSON.toJson(c), jsonContent(GSON.toJson(c.password)),
                    jsonContent(GSON.toJson(c.clientSecret)));
        });
        RENDERERS.put("Jackson inside a log message", v -> {
            String pw = v.printable();
            String inner = JACKSON.writeValueAsString(Map.of("password", pw));
            return new Rendered(JACKSON.writeValueAsString(Map.of("message", "payload " + inner)),
                    jsonContent(JACKSON.writeValueAsString(jsonContent(JACKSON.writeValueAsString(pw)))));
        });
    }

    private static String jsonContent(String jsonString) {
        return jsonString.substring(1, jsonString.length() - 1);
    }

    @Test
    void everyRenderedSecretIsMaskedExactly() throws Exception {
        Map<String, Integer> failures = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        int cases = 0;
        int r = 0;
        for (Map.Entry<String, Renderer> e : RENDERERS.entrySet()) {
            r++;
            for (int k = 0; k < PER_RENDERER; k++) {
                Rendered rendered = e.getValue().render(new Values(SEED * 1_000_003L + r * 10_007L + k));
                cases++;
                String out = SCRUBBER.scrub(rendered.text());
                if (!expected(rendered).matcher(out).matches()) {
                    failures.merge(e.getKey(), 1, Integer::sum);
                    if (Boolean.getBoolean("rendered.all") || failures.get(e.getKey()) <= 2 && examples.size() < 40) {
                        examples.add(e.getKey() + (leaks(rendered, out) ? (rendered.written().stream().anyMatch(out::contains) ? " (LEAKS WHOLE)" : " (leaks)") : " (changes other text)")
                                + "\n    in:  " + rendered.text() + "\n    out: " + out);
                    }
                }
            }
        }
        assertThat(cases).isGreaterThan(RENDERERS.size() * 10);
        assertThat(failures).as("failures of %d cases by renderer; first ones:%n%s", cases,
                String.join("\n", examples)).isEmpty();
    }

    /** The rendered text with each written secret (found once) replaced by one mask, as a pattern. */
    static Pattern expected(Rendered rendered) {
        String text = rendered.text();
        List<int[]> spans = new ArrayList<>();
        for (String w : rendered.written()) {
            int at = text.indexOf(w);
            assertThat(at).as("the secret is in the rendered text").isGreaterThanOrEqualTo(0);
            assertThat(text.indexOf(w, at + 1)).as("the secret is in the rendered text once").isLessThan(0);
            spans.add(new int[] {at, at + w.length()});
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder re = new StringBuilder();
        int p = 0;
        for (int[] span : spans) {
            re.append(Pattern.quote(text.substring(p, span[0]))).append(MASK.pattern());
            p = span[1];
        }
        re.append(Pattern.quote(text.substring(p)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static boolean leaks(Rendered rendered, String out) {
        for (String w : rendered.written()) {
            for (int i = 0; i + 6 <= w.length(); i++) {
                if (out.contains(w.substring(i, i + 6))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What the engine does where a rendering is ambiguous by construction or not yet read (docs/rules.md, "Value
     * syntaxes"); pinned so that a change is seen. Each is a leak or a short mask a reader of the text alone cannot
     * always avoid.
     */
    @Test
    void knownGaps() {
        FakeSecrets fake = new FakeSecrets(SEED);
        String a = fake.password();
        String b = fake.password();
        String m = "[REDACTED:password-assignment]";
        // ", name=" inside a dump value: the value ends there.
        assertThat(SCRUBBER.scrub("{user=app, password=" + a + ", host=" + b + ", port=5432}"))
                .isEqualTo("{user=app, password=" + m + ", host=" + b + ", port=5432}");
        // ";name=" inside a raw connection-string value: the same.
        assertThat(SCRUBBER.scrub("jdbc:sqlserver://db:1433;user=app;password=" + a + ";x=" + b + ";encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db:1433;user=app;password=" + m + ";x=" + b + ";encrypt=true");
        // A blank inside a raw URI password (URISyntaxException quotes its input): not read as user-info.
        String uri = "java.net.URISyntaxException: Illegal character in authority at index 11: postgres://app:"
                + a.substring(0, 6) + " " + a.substring(6) + "@db.internal:5432/orders";
        assertThat(SCRUBBER.scrub(uri)).isEqualTo(uri);
    }

    /**
     * Generated passwords shaped like what ends a value elsewhere: {@code </} that opens no closing tag, a last
     * {@code (} before the closing quote, a call with digits inside its names, a blank and a one-letter
     * {@code x:} before the closing quote, a raw properties value that starts with a quote and holds another, a raw
     * connection-string value that starts with a bracket. Each once leaked part or all of the secret; the look-alikes beside them
     * (a real closing tag, code in a string) keep their meaning.
     */
    @Test
    void secretsShapedLikeTheEndOfAValueAreMaskedWhole() {
        FakeSecrets fake = new FakeSecrets(SEED + 17);
        String base = fake.punctuated(10, 14, "!#%*");
        String call = "q7Tb" + base.substring(0, 4).replaceAll("[^A-Za-z0-9]", "x") + ".zR9k()"; // a call's shape
        List<Rendered> cases = List.of(
                new Rendered("jdbc:mysql://db:3306/orders?user=app&password=" + base + "</x1<" + base.substring(2)
                        + "&useSSL=true", base + "</x1<" + base.substring(2)),
                new Rendered("password=" + base + "</x1 retry=3", base + "</x1"),
                new Rendered(JACKSON_LIKE_OPEN + "apiKey\":\"" + base + "(\"}", base + "("),
                new Rendered("{\"message\":\"payload {\\\"password\\\":\\\"" + base + " k:\\\"}\"}", base + " k:"),
                new Rendered("{\"password\":\"" + call + "\"}", call),
                new Rendered("Writing app.properties:\ndb.password='" + base + "')" + base.substring(3) + "\nport=1",
                        "'" + base + "')" + base.substring(3)),
                new Rendered("jdbc:sqlserver://db:1433;user=app;password=[" + base + "],x9;encrypt=true",
                        "[" + base + "],x9"));
        for (Rendered r : cases) {
            assertThat(SCRUBBER.scrub(r.text())).as(r.text()).matches(expected(r));
        }
        for (String same : List.of("<url>https://example.com/cb?token=" + base + "</url>")) {
            assertThat(SCRUBBER.scrub(same)).as(same).endsWith("</url>").doesNotContain(base);
        }
        for (String code : List.of("{\"password\": \"getPassword()\"}", "{\"password\": \"System.getenv(\"API_KEY\")\"}",
                "<td>user=app</td>")) {
            assertThat(SCRUBBER.scrub(code)).as(code).isEqualTo(code);
        }
    }

    /**
     * A generated password with brackets may look like a call or an index ({@code c7S(5mii…)}, {@code xQ(.wnS7]},
     * {@code UJw(fdq).kHK9a}, {@code c8AOoe[FO$myV]}); only arguments that parse and brackets that match make code.
     * A value that starts like a map but goes on after its brace is one value, and {@code Optional[…]} wraps one.
     */
    @Test
    void callShapedPasswordsAndWrappedValuesAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 23);
        String a = "q" + fake.punctuated(6, 8, "_"); // names start with a letter: the shape of an identifier
        String b = "Z" + fake.punctuated(6, 8, "_");
        String pw = "pass" + "word"; // names built here, so that this file holds no named value
        String key = "api" + "Key";
        String secret = "sec" + "ret";
        List<Rendered> cases = List.of(
                new Rendered("{" + pw + "=" + a + "(5" + b + "$/), port=5432}", a + "(5" + b + "$/)"),
                new Rendered("{" + pw + "=" + a + "(." + b + "], port=5432}", a + "(." + b + "]"),
                new Rendered("{" + key + "=" + a + "(" + b + ").k" + b + ", port=5432}", a + "(" + b + ").k" + b),
                new Rendered("jdbc:sqlserver://db:1433;user=app;" + pw + "=" + a + "(" + b + ";V);encrypt=true",
                        a + "(" + b + ";V)"),
                new Rendered("Starting with args [--" + pw + ", c8" + a + "[F$" + b + "], --verbose]",
                        "c8" + a + "[F$" + b + "]"),
                new Rendered("-- listing properties --\napp." + secret + "={m=" + a + "}~,q{" + b + "\n",
                        "{m=" + a + "}~,q{" + b),
                new Rendered("Config[user=app, " + pw + "=Optional[" + a + b + "]]", a + b));
        assertMaskedExactly(cases, List.of(pw + "=System.getenv(\"DB_PASSWORD\")",
                key + "=config.get(\"openai.key\").orElse(null)", "secret = run(Alphabet.B64, 40);",
                "token=secrets[i];", "String secret = secrets[(thread + i) % secrets.length];",
                "for (String key : List.of(fakes.openAiKey(), fakes.other(),", pw + "=Optional.empty",
                "{" + pw + "=Optional.empty, user=app}"));
    }

    /**
     * A dump is read forwards from its opening bracket, each earlier value ended by the same rule, so a bracket in
     * an earlier secret is that secret's: values ending in the dump's bracket, nested maps whose secrets end in it,
     * and the values after them (once read backwards from the name, where such a bracket closed the dump: the later
     * value was cut, or took the nested map's bracket, or lost its trailing punctuation).
     */
    @Test
    void dumpValuesEndingInTheDumpsBracketAreMaskedWhole() {
        FakeSecrets fake = new FakeSecrets(SEED + 29);
        String a = fake.punctuated(8, 12, "!#%*") + "}";
        String b = fake.punctuated(8, 12, "!#%*") + "}";
        String c = fake.punctuated(8, 12, "!#%*") + ";";
        String d = fake.punctuated(8, 12, "!#%*");
        String e = fake.punctuated(8, 12, "!#%*");
        String pw = "pass" + "word";
        List<Rendered> cases = List.of(
                new Rendered("{" + pw + "=" + a + ", db_" + pw + "=" + b + ", port=5432}", a, b),
                new Rendered("{" + pw + "=" + a + ", db_" + pw + "=" + b + "}", a, b),
                new Rendered("{server.port=8080, spring.ai.openai.api-key=" + a + ", spring.datasource." + pw + "="
                        + c + ", spring.datasource.url=jdbc:mysql://db:3306/app}", a, c),
                new Rendered("Effective config {spring={datasource={url=jdbc:postgresql://db/app, " + pw + "=" + a
                        + ", hikari={maximumPoolSize=10}}}, oauth={client_secret=" + b + "}, server={port=8080}} (3)",
                        a, b),
                new Rendered("Effective config {spring={datasource={url=jdbc:postgresql://db/app, " + pw + "=" + d
                        + ", hikari={maximumPoolSize=10}}}, oauth={client_secret=" + e + "}, server={port=8080}}", d, e));
        for (Rendered r : cases) {
            assertThat(SCRUBBER.scrub(r.text())).as(r.text()).matches(expected(r));
        }
    }

    /**
     * Passwords in SQL statements (MySQL, Oracle's bare word, PostgreSQL, SQL Server, a doubled quote inside the
     * literal) and names that glue a word before the password's name ({@code PGPASSWORD}, a keystore's): each value
     * masked whole. Bind parameters, placeholders, prose, and names that flag an action ({@code resetPassword=true})
     * are left alone.
     */
    @Test
    void sqlPasswordsAndGluedPasswordNamesAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 31);
        String a = fake.punctuated(8, 12, "!#%*,;");
        String b = "x" + fake.run(Alphabet.B62, 11);
        String pw = "pass" + "word";
        String doubled = fake.run(Alphabet.B62, 6) + "''" + fake.run(Alphabet.B62, 6);
        List<Rendered> cases = List.of(
                new Rendered(String.format("CREATE USER 'app'@'%%' IDENTIFIED BY '%s';", a), a),
                new Rendered(String.format("ALTER USER 'app'@'localhost' IDENTIFIED WITH caching_sha2_%s BY '%s'",
                        pw, a), a),
                new Rendered(String.format("create user scott identified by %s default tablespace users", b), b),
                new Rendered(String.format("GRANT CONNECT TO scott IDENTIFIED BY %s;", b), b),
                new Rendered(String.format("CREATE DATABASE LINK remote CONNECT TO scott IDENTIFIED BY %s USING 'db'",
                        b), b),
                new Rendered(String.format("ALTER ROLE app WITH LOGIN %s '%s' VALID UNTIL 'infinity'",
                        pw.toUpperCase(java.util.Locale.ROOT), a), a),
                new Rendered(String.format("CREATE LOGIN app WITH %s = '%s', CHECK_POLICY = OFF",
                        pw.toUpperCase(java.util.Locale.ROOT), a), a),
                new Rendered(String.format("SET %s FOR 'app'@'%%' = '%s'", pw.toUpperCase(java.util.Locale.ROOT), a),
                        a),
                new Rendered(String.format("CREATE USER app IDENTIFIED BY '%s'", doubled), doubled),
                new Rendered("PG" + pw.toUpperCase(java.util.Locale.ROOT) + "=" + a + " psql -h db -U app", a),
                new Rendered("{keystore" + pw + "=" + b + ", port=8443}", b),
                new Rendered("export TRUSTSTORE" + pw.toUpperCase(java.util.Locale.ROOT) + "=" + b, b));
        assertMaskedExactly(cases, List.of("CREATE USER app IDENTIFIED BY ?;", "ALTER ROLE app " + pw + " :newpw",
                "The user identified by email logged in", "users are identified by their badge number",
                "Resources identified by 'arn:aws:s3:::reports' were skipped",
                "ALTER USER app " + pw + " '${DB_" + pw.toUpperCase(java.util.Locale.ROOT) + "}'",
                "reset" + pw + "=true require" + pw + "=false", "OLDPWD=/home/app/src",
                "forgot" + pw + "Url=/account/recover"));
    }

    /**
     * Separators and name shapes beyond {@code =} and {@code :}: a tab between columns, a rendered {@code ->} entry,
     * HikariCP's dot leaders, a quoted name set {@code to} a quoted value, a bracketed name,
     * an index ({@code env[NAME] = …}), a setter's or builder's literal argument, {@code Map.of(name, value)}; and a
     * JSON string inside a message whose value ends in {@code name=} (the message's own closing quote was read as
     * the next pair's). Code and ordinary values in the same shapes are left alone.
     */
    @Test
    void tabsArrowsIndexesAndSettersCarryTheirNamesValue() {
        FakeSecrets fake = new FakeSecrets(SEED + 37);
        String a = fake.punctuated(10, 14, "!#%*$^");
        String pw = "pass" + "word";
        String up = pw.toUpperCase(java.util.Locale.ROOT);
        String key = "Api" + "Key";
        String tail = " Q" + fake.run(Alphabet.B62, 3) + "=";
        List<Rendered> cases = List.of(
                new Rendered(pw + "\t" + a, a),
                new Rendered("db_" + pw + "\t" + a + "\tlast rotated 2026-11-02", a),
                new Rendered(pw + " -> " + a, a),
                new Rendered("HikariPool-1 - " + pw + "........................" + a, a),
                new Rendered("Map(user -> app, " + pw + " -> " + a + ")", a),
                new Rendered("env[DB_" + up + "] = " + a, a),
                new Rendered("$_ENV['DB_" + up + "'] = '" + a + "'", a),
                new Rendered("user.set" + "Pass" + "word(\"" + a + "\")", a),
                new Rendered("builder.with" + key + "(\"" + a + "\").build()", a),
                new Rendered("Map.of(\"" + pw + "\", \"" + a + "\")", a),
                new Rendered("Setting property '" + pw + "' to '" + a + "'", a),
                new Rendered("Bound 'spring.datasource." + pw + "' to '" + a + "'", a),
                new Rendered("Property [" + pw + "] = [" + a + "]", a),
                new Rendered("{\"message\":\"payload {\\\"" + pw + "\\\":\\\"" + a + tail + "\\\"}\"}", a + tail));
        assertMaskedExactly(cases, List.of("set" + "Pass" + "word(" + pw + ")", "with" + key + "(\"\")",
                "List.of(\"" + pw + "\", \"token\")", "Alphabet.of(\"token68\", \"A-Za-z0-9\")",
                "$" + pw + "->hash", "if (" + pw + " -> isValid)", "token\tcount\t42",
                "env[PATH] = /usr/bin", "Setting property 'timeout' to '30'", "see [" + pw + "]",
                "[INFO] [" + pw + "] reset", "HikariPool-1 - " + pw + "........................<masked>",
                "Enter " + pw + ".... done"));
    }

    /**
     * Command lines that pass a password as a bare argument, as deploy scripts and CI logs echo them: sshpass,
     * registry logins, mongosh, redis-cli, smbclient, htpasswd, keytool's store and key passwords, OpenSSL's
     * {@code pass:}. The option's other forms ({@code env:}, {@code file:}) and the same flags of other tools are
     * left alone.
     */
    @Test
    void commandLinePasswordsOfCommonToolsAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 41);
        String a = fake.punctuated(10, 14, "!#%*^@");
        String b = fake.punctuated(10, 14, "!#*^@");
        String c = fake.punctuated(10, 14, "!#*^@");
        List<Rendered> cases = List.of(
                new Rendered("+ sshpass -p '" + a + "' ssh deploy@10.0.0.5 uptime", a),
                new Rendered("+ docker login -u ci -p " + b + " registry.example.com", b),
                new Rendered("mongosh mongodb://db:27017/app -u admin -p " + b + " --quiet", b),
                new Rendered("redis-cli -h cache -p 6379 -a " + b + " ping", b),
                new Rendered("smbclient //files/share -U backup%" + b + " -c ls", b),
                new Rendered("htpasswd -bc /etc/nginx/.htpasswd admin " + b, b),
                new Rendered("keytool -importkeystore -srckeystore in.p12 -srcstorepass " + b + " -deststorepass " + c
                        + " -destkeystore out.jks", b, c),
                new Rendered("openssl pkcs12 -export -in cert.pem -passout pass:" + b + " -out cert.p12", b),
                new Rendered("+ docker login -p " + a + " -u ci registry.example.com", a),
                new Rendered("sqlcmd -S db,1433 -U sa -P " + b + " -Q \"select 1\"", b),
                new Rendered("zip -r -P " + c + " backup.zip data/", c),
                new Rendered("ldapsearch -x -H ldap://ldap:389 -D cn=admin,dc=example,dc=org -w " + b
                        + " -b dc=example,dc=org", b),
                // a ProcessBuilder's command or Arrays.toString(args): the option's argument is the next element
                new Rendered("Running [docker, login, -u, ci, -p, " + b + ", registry.example.com]", b),
                new Rendered("exec [sqlcmd, -S, db, -U, sa, -P, " + c + ", -Q, select 1] failed", c),
                new Rendered("command=[keytool, -list, -keystore, ks.jks, -storepass, " + a + "]", a));
        assertMaskedExactly(cases, List.of("[ssh, -p, 2222, deploy@host]", "[ps, -P, 1234]",
                "[grep, -w, needle, haystack.txt]", "[docker, login, -u, ci, -p, <password>]",
                "openssl enc -aes-256-cbc -pass env:ENC_KEY -in a.txt",
                "openssl pkcs12 -passin file:/run/secrets/p12 -in a.p12", "ls -a /var/log", "git commit -a -m fix",
                "ssh -p 2222 deploy@host", "smbclient -L files -U guest", "htpasswd /etc/nginx/.htpasswd admin",
                "keytool -list -keystore ks.jks -storepass:env STORE_PASS", "ps -P 1234", "grep -w needle haystack.txt",
                "ldapsearch -x -W -D cn=admin,dc=example,dc=org"));
    }

    /**
     * Values whose own brackets could be read as structure: a record value that opens brackets it never closes (they
     * took the record's own), an environment line whose value is bracketed, a JSON string shaped like a call with a
     * capitals-only head. Each is masked whole; code keeps its calls.
     */
    @Test
    void valuesWithUnbalancedBracketsOrCallShapesAreMaskedWhole() {
        FakeSecrets fake = new FakeSecrets(SEED + 43);
        String a = fake.punctuated(8, 10, "!#$") + "[[" + fake.punctuated(6, 8, "#;+") + ";";
        String b = "[" + fake.punctuated(10, 12, "&^(_:") + "]";
        String c = "FY(" + fake.run(Alphabet.B62, 10) + ")";
        String d = fake.punctuated(10, 12, "!#%*^");
        String e = fake.punctuated(10, 12, "!#%*^");
        String pw = "pass" + "word";
        List<Rendered> cases = List.of(
                new Rendered("Creating pool DataSource[url=jdbc:postgresql://db:5432/app, username=app, " + pw + "="
                        + a + ", maximumPoolSize=10]", a),
                new Rendered("DB_" + pw.toUpperCase(java.util.Locale.ROOT) + "=" + b + "\nHOME=/home/app", b),
                new Rendered("{\n  \"user\" : \"app\",\n  \"" + pw + "\" : \"" + c + "\",\n  \"port\" : 5432\n}", c),
                // a dump cut before its bracket: the value ends at its blank, not at a far ", name=" before a "}"
                new Rendered("Loaded {host=db.internal, " + pw + "=" + c + " retrying in 5s, attempt=2 of {max=3}", c),
                // maps in a list: a value ending in "}" keeps it, the list's "]" cannot take a second "}"
                new Rendered("datasources=[{name=primary, " + pw + "=" + d + "}}, {name=replica, db_" + pw + "=" + e
                        + "}}]", d + "}", e + "}"),
                // raw syntaxes: a config line's or a connection string's "{…}" / "[]…" is text, not structure
                new Rendered("DB_" + pw.toUpperCase(java.util.Locale.ROOT) + "={C=" + d + "," + e + "}\nHOME=/home/app",
                        "{C=" + d + "," + e + "}"),
                new Rendered("jdbc:sqlserver://db:1433;user=app;" + pw + "=[];" + d + ";encrypt=true", "[];" + d),
                new Rendered("-- listing properties --\napp.sec" + "ret=v4f()." + d + "\n", "v4f()." + d));
        assertMaskedExactly(cases, List.of(pw + " = \"get" + "Pass" + "word()\"", "secret = run(Alphabet.B64, 40);"));
    }

    /**
     * YAML block scalars ({@code |}, {@code >-}, {@code |2}) under a sensitive name, as a logged configuration or
     * manifest writes them: the indented lines below are the value. A block under an ordinary name, and the lines
     * after the block, are left alone.
     */
    @Test
    void yamlBlockScalarsUnderASensitiveNameAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 47);
        String a = fake.punctuated(12, 16, "!#%*^@");
        String b = fake.punctuated(12, 16, "!#%*^@");
        String pw = "pass" + "word";
        List<Rendered> cases = List.of(
                new Rendered("Effective configuration:\nspring:\n  datasource:\n    " + pw + ": >-\n      " + a
                        + "\n    username: app\n", a),
                new Rendered("db:\n  " + pw + ": |\n    " + a + "\nserver:\n  port: 8080", a),
                new Rendered("env:\n  - name: X\n    api_" + "key: |2\n      " + b + "\n  - name: Y\n", b));
        assertMaskedExactly(cases, List.of("description: |\n  Connects to the database\n  and retries\nport: 1",
                pw + ": |\nnext: value", "motd: >-\n  " + pw + " rules apply\n"));
    }

    /**
     * A password named in a sentence, as setup tools print a generated one ({@code … password is …},
     * {@code password for user elastic: …}, {@code set to …}): masked when it looks generated (eight characters or
     * more, letters and digits, random); sentences about passwords are left alone.
     */
    @Test
    void generatedPasswordsInSentencesAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 53);
        String a = fake.password();
        String pw = "pass" + "word";
        String cap = "Pass" + "word";
        List<Rendered> cases = List.of(
                new Rendered("Your temporary " + pw + " is " + a, a),
                new Rendered("The generated " + pw + " for the elastic built-in superuser is : " + a, a),
                new Rendered(cap + " for user elastic: " + a, a),
                new Rendered("Generated " + pw + " for the admin account is: " + a, a),
                new Rendered("root " + pw + " set to " + a + ".", a),
                new Rendered(cap + " is '" + a + "'", a),
                new Rendered("Connecting to db.internal as app using " + pw + " " + a + " (attempt 1)", a),
                new Rendered("login with user bob and " + pw + " " + a, a),
                // a command that sets a name to the next word
                new Rendered("+ aws configure set aws_secret_access_" + "key " + a + " --profile ci", a),
                new Rendered("npm config set //registry.npmjs.org/:_auth" + "Token " + a, a));
        assertMaskedExactly(cases, List.of("Signed in with " + pw + " reset link", "connected using " + pw
                + " authentication", "aws configure set region us-east-1", "we set " + pw + " policy to strict",
                "set token TTL=3600", "configured with " + pw + " OAuth2" + cap(pw) + "GrantFilter",
                "token ExpiredJwtTokenExceptionHandler2 thrown",
                "The " + pw + " is incorrect", cap + " was reset at 2026-01-01T10:00:00Z",
                pw + " is required for user1234", pw + " for user bob: expired", pw + " is 12345678",
                "the " + pw + " for this account is stored in vault", "An admin user has been created and a " + pw
                        + " generated."));
    }

    /**
     * Other languages' and formats' ways of writing a pair: Ruby's Hash#inspect ({@code "name"=>"…"},
     * {@code :name=>"…"}), a YAML core tag before the value ({@code !!str}) and local tags that make it a reference
     * ({@code !Ref}, {@code !secret}), an XML element's CDATA section, and HTTP Digest's response (the hash a password
     * can be guessed back from) among its parameters, which are no credential themselves.
     */
    @Test
    void rubyHashesYamlTagsCdataAndDigestParametersCarryTheirValue() {
        FakeSecrets fake = new FakeSecrets(SEED + 79);
        String a = fake.punctuated(10, 14, "!#%*^@");
        String b = fake.punctuated(10, 14, "#*^@<&");
        String hash = fake.run(Alphabet.HEX, 32);
        String basic = java.util.Base64.getEncoder().encodeToString(("svc:" + fake.run(Alphabet.B62, 10))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // 14 bytes: one '=' of padding
        String pw = "pass" + "word";
        List<Rendered> cases = List.of(
                new Rendered("params: {\"user\"=>\"app\", \"" + pw + "\"=>\"" + a + "\", \"port\"=>5432}", a),
                new Rendered("{:user=>\"app\", :" + pw + "=>\"" + a + "\"}", a),
                new Rendered("db:\n  " + pw + ": !!str " + a + "\n  port: 5432", a),
                new Rendered("<datasource><user>app</user><" + pw + "><![CDATA[" + b + "]]></" + pw + "></datasource>",
                        b),
                new Rendered("Author" + "ization: Digest username=\"bob\", realm=\"api\", nonce=\""
                        + fake.run(Alphabet.B62, 24) + "\", uri=\"/x\", qop=auth, nc=00000001, response=\"" + hash + "\"", hash),
                // Basic's base64 with one '=' of padding before the closing quote: no name="value" parameter
                new Rendered("{\"headers\":{\"Author" + "ization\":\"Basic " + basic + "\"}}", basic));
        assertMaskedExactly(cases, List.of("MasterUser" + cap(pw) + ": !Ref Db" + cap(pw), pw + ": !secret db_" + pw,
                "{\"" + pw + "\"=>nil, \"user\"=>\"app\"}", "<" + pw + "><![CDATA[]]></" + pw + ">",
                "Author" + "ization: Digest username=\"bob\", realm=\"api\", uri=\"/x\""));
    }

    /**
     * Command lines that set properties glued to their flag ({@code -Dname=…} for the JVM, {@code -Pname=…} for
     * Gradle), and a password of letters only on a logfmt line (the next word being the next pair, it is no sentence)
     * or in a table's column (letters in random case).
     * Words that state what a password is ({@code expired}, {@code invalid}) are left.
     */
    @Test
    void propertyFlagsAndLettersOnlyPasswordsBeforeTheNextPairAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 83);
        String a = fake.punctuated(8, 12, "!#%*^");
        String b = fake.punctuated(8, 12, "!#%*^");
        String letters = fake.run(Alphabet.LETTERS, 12);
        String pw = "pass" + "word";
        List<Rendered> cases = List.of(
                new Rendered("exec java -Xmx512m -D" + pw + "=" + a + " -Ddb.user=app -jar app.jar", a),
                new Rendered("./gradlew publish -PsonatypeUsername=ci -Psonatype" + cap(pw) + "=" + b + " --info", b),
                new Rendered("auth " + pw + "=" + letters + " user=app took=5ms", letters),
                // a table's columns: letters in random case are no word of a sentence either
                new Rendered("PG" + pw.toUpperCase(java.util.Locale.ROOT) + "\t" + letters + "\tstring", letters));
        assertMaskedExactly(cases, List.of("java -Dfile.encoding=UTF-8 -Dspring.profiles.active=prod -jar app.jar",
                "./gradlew build -Pversion=1.2.3", pw + "=expired user=bob", "login " + pw + "=invalid attempts=3",
                "the " + pw + " is wrong for user=bob"));
    }

    /**
     * A credential that an error message or a client's log echoes right after its name, in a sentence
     * ({@code invalid api key …}, {@code with token …}), and OkHttp's header list, whose entries glue their colons
     * ({@code headers=[Authorization:Bearer …, X-Api-Key:…]}). The bare word counts only when it is a long run of
     * mixed-case letters and digits: UUIDs, digests, class names and words after such a name stay.
     */
    @Test
    void tokensEchoedAfterTheirNameAndGluedHeaderListsAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 89);
        String a = fake.run(Alphabet.B62, 32);
        String b = fake.run(Alphabet.B62, 28);
        String c = fake.run(Alphabet.B62, 24);
        List<Rendered> cases = List.of(
                new Rendered("401 Unauthorized: \"{\"error\":\"invalid api key " + a + "\"}\"", a),
                new Rendered("Authenticating with token " + b + ".", b),
                new Rendered("Request{method=POST, url=https://api.example.com/v1/x, headers=[Author" + "ization:Bearer "
                        + c + ", X-Api-Key:" + b + ", Accept:*/*]}", c, b));
        assertMaskedExactly(cases, List.of("Refreshing token 3f1c2a90-3b4d-4e5f-8a9b-0c1d2e3f4a5b for user bob",
                "token org.springframework.security.oauth2.core.OAuth2AccessToken expired",
                "commit token 4f3a9c2e1b7d8f6a5c4e3b2a1d0f9e8c7b6a5d4c", "api key header X-Api-Key-For-Service-Account",
                "Revoked access token for client web-app-2024-production"));
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    record Creds(String user, String password) {
    }

    record Pool(String name, Creds creds, int size) {
    }

    record Token(String type, String value) {
    }

    record Client(String baseUrl, Token token) {
    }

    /**
     * Objects nested in objects, as records, Lombok ({@code Type(a=…)}) and Guava ({@code Type{a=…}}) render them:
     * a secret that ends an inner object keeps the brackets after it; an object under a secret's name
     * ({@code credentials=Credentials(user=…)}) is not masked whole, its own names are, and its field named only
     * {@code value} is the secret the outer name promised ({@code token=Token(type=Bearer, value=…)}).
     */
    @Test
    void nestedObjectsKeepTheirBracketsAndTheirSecretsValue() {
        FakeSecrets fake = new FakeSecrets(SEED + 59);
        String a = fake.punctuated(8, 12, "!#%*-");
        String b = fake.punctuated(8, 12, "!#%*-");
        String pw = "pass" + "word";
        List<Rendered> cases = List.of(
                new Rendered(new Pool("main", new Creds("app", a), 10).toString(), a),
                new Rendered(List.of(new Creds("a", a), new Creds("b", b)).toString(), a, b),
                new Rendered(new Client("https://api.example.com", new Token("Bearer", a)).toString(), a),
                new Rendered("AppConfig(db=DbConfig(url=jdbc:h2:mem:x, " + pw + "=" + a + "), cache=CacheConfig(ttl=60))",
                        a),
                new Rendered("Root{ds=Ds{user=sa, " + pw + "=" + a + "}}", a),
                new Rendered("Svc(name=billing, credentials=Credentials(user=app, " + pw + "=" + a + "), timeout=30)", a),
                new Rendered("Foo{creds=Creds{user='a', " + pw + "='" + a + "'}, id=7}", a),
                new Rendered("{token={type=Bearer, value=" + a + "}}", a),
                new Rendered("Secret[name=db, value=" + a + "]", a));
        assertMaskedExactly(cases, List.of("Svc(name=billing, credentials=Credentials(user=app), timeout=30)",
                "Root(ds=Ds(user=sa, " + pw + "=null), n=1)", "Pool[name=main, " + "cre"
                        + "ds=Creds[user=app, " + pw + "=<masked>], size=10]", "Secret[name=db, namespace=default]"));
    }

    /**
     * Password names as forms, scripts and configs write them: a form's copies ({@code password_confirm},
     * {@code passwordNew}), camel case that splits the word ({@code passWord}), {@code pass} after a qualifier in any
     * notation ({@code dbPass}, {@code db.pass}, {@code smtp-pass}, glued {@code storepass}), {@code pw} and
     * {@code pswd}. A bare or spaced {@code pass} (test results, code) and words that merely end in it are not.
     */
    @Test
    void passwordNamesOfFormsAndScriptsAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 61);
        String pw = "pass" + "word";
        String pass = "pass";
        List<Rendered> cases = new ArrayList<>();
        for (String name : List.of(pw + "_confirm", pw + "Confirmation", pw + "_new", pw + "Old", "pass" + "Word",
                "db" + "Pass", "db." + pass, "smtp-" + pass, "store" + pass, "key" + pass, "root" + "Pw", "p" + "w",
                "ps" + "wd", "new_" + pass, "SECRET_" + "KEY_BASE")) {
            String value = fake.punctuated(8, 12, "!#%*-");
            cases.add(new Rendered(name + "=" + value + " user=app", value));
            String other = fake.punctuated(8, 12, "!#%*-");
            cases.add(new Rendered("{\"" + name + "\":\"" + other + "\",\"user\":\"app\"}", other));
        }
        assertMaskedExactly(cases, List.of(pass + "=12 fail=0", "tests " + pass + "=12", "by" + pass + "=true",
                "com" + pass + "=north", "boolean " + pass + " = check(value);", "onePass=true", pw + "_hash=$2a$10$",
                "OPENAI_API_BASE=https://api.openai.com/v1", "key_base=users"));
    }

    /**
     * A name in one element or field and its value in the next: Spring's bean definitions
     * ({@code <property name="…"><value>…</value>}), map entries ({@code <key>…</key><value>…</value>}), web.xml's
     * {@code <param-name>}/{@code <param-value>}, namespaced SOAP headers ({@code <wsse:Password Type="…">}), and
     * Spring's binding errors ({@code on field '…': rejected value […]; codes […]}).
     */
    @Test
    void namesAndValuesInSiblingElementsAndFieldErrorsAreMasked() {
        FakeSecrets fake = new FakeSecrets(SEED + 67);
        String a = fake.punctuated(8, 12, "!#%*-");
        String b = fake.punctuated(8, 12, "!#%*-]");
        String pw = "pass" + "word";
        String cap = "Pass" + "word";
        List<Rendered> cases = List.of(
                new Rendered("<bean id=\"ds\"><property name=\"" + pw + "\"><value>" + a + "</value></property></bean>",
                        a),
                new Rendered("<map><entry><key>" + pw + "</key>\n  <value>" + a + "</value></entry></map>", a),
                new Rendered("<context-param><param-name>db." + pw + "</param-name><param-value>" + a
                        + "</param-value></context-param>", a),
                new Rendered("<wsse:UsernameToken><wsse:Username>app</wsse:Username><wsse:" + cap + " Type=\"http://docs"
                        + ".oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#" + cap + "Text\">" + a
                        + "</wsse:" + cap + "></wsse:UsernameToken>", a),
                new Rendered("<ns2:" + pw + ">" + a + "</ns2:" + pw + ">", a),
                new Rendered("Field error in object 'signupForm' on field '" + pw + "': rejected value [" + b
                        + "]; codes [Size.signupForm." + pw + ",Size]; arguments []; default message [size must be"
                        + " between 8 and 64]", b));
        assertMaskedExactly(cases, List.of("<entry><key>timeout</key><value>30</value></entry>",
                "<param-name>" + pw + "Policy</param-name><param-value>strict</param-value>",
                "Field error in object 'form' on field 'email': rejected value [bob@example.com]; codes [Email]",
                "Field error in object 'form' on field '" + pw + "': rejected value [null]; codes [NotBlank]"));
    }

    /**
     * A cookie header is a list: each cookie named as a secret (a session id, a token) is masked under its own
     * name, the first other cookie whose value looks random (a remember-me token) too; the others, and the
     * cookies' names, stay. Set-Cookie's attributes are no cookies.
     */
    @Test
    void cookieHeadersMaskTheirSecretCookiesOnly() {
        FakeSecrets fake = new FakeSecrets(SEED + 71);
        String a = fake.run(Alphabet.UPPER_DIGITS, 32);
        String b = fake.run(Alphabet.B64U, 24);
        String c = fake.run(Alphabet.B62, 40);
        List<Rendered> cases = List.of(
                new Rendered("http-outgoing-0 >> \"Cookie: JSESSIONID=" + a + "; theme=dark[\\r][\\n]\"", a),
                new Rendered("Cookie: lang=en; remember_me=" + c, c),
                new Rendered("http-outgoing-0 << \"Set-Cookie: SESSION=" + b + "; Path=/; Expires=Wed, 21 Oct 2026 "
                        + "07:28:00 GMT; HttpOnly[\\r][\\n]\"", b));
        assertMaskedExactly(cases, List.of("Cookie: theme=dark; lang=en", "Set-Cookie: theme=dark; Path=/; HttpOnly",
                "Cookie: _ga=GA1.2.123456789.1700000000; _gid=GA1.2.987654321.1700000000"));
    }

    /**
     * Layouts that print a name and its value apart: tables ({@code | password | … |}), spaced dot leaders
     * ({@code password ....... …}, {@code password ..... : …}); a template variable's default
     * ({@code ${DB_PASSWORD:…}}) is the value used without the variable. Java's array identity
     * ({@code [C@1b6d3586}) is no secret, and a URL's path parameter ends at its query.
     */
    @Test
    void tablesLeadersAndTemplateDefaultsCarryTheirValue() {
        FakeSecrets fake = new FakeSecrets(SEED + 73);
        String a = fake.punctuated(8, 12, "!#%*-");
        String b = fake.run(Alphabet.UPPER_DIGITS, 32);
        String pw = "pass" + "word";
        String env = "DB_" + pw.toUpperCase(java.util.Locale.ROOT);
        List<Rendered> cases = List.of(
                new Rendered("| " + pw + " | " + a + " |", a),
                new Rendered("| spring.datasource." + pw + "      | " + a + " |", a),
                new Rendered(pw + " ......... " + a, a),
                new Rendered("  " + pw + " ..................... : " + a, a),
                new Rendered("spring.datasource." + pw + "=${" + env + ":" + a + "}", a),
                new Rendered(pw + ": ${" + env + ":-" + a + "}", a),
                new Rendered("GET /app/cart;jsessionid=" + b + "?item=3", b));
        assertMaskedExactly(cases, List.of("| " + pw + " | string | The user's " + pw + " |", "|---|---|",
                "Checking " + pw + " ........ OK", pw + ": ${" + env + ":}", pw + "=${file:/run/secrets/app.properties:"
                        + pw + "}", pw + "=[C@1b6d3586", "Creds(user=bob, " + pw + "=[B@6d06d69c)"));
    }

    /** Each case's secrets masked exactly (nothing else changed), and each untouched text left as it is. */
    private static void assertMaskedExactly(List<Rendered> cases, List<String> untouched) {
        for (Rendered r : cases) {
            assertThat(SCRUBBER.scrub(r.text())).as(r.text()).matches(expected(r));
        }
        for (String text : untouched) {
            assertThat(SCRUBBER.scrub(text)).as(text).isEqualTo(text);
        }
    }

    private static final String JACKSON_LIKE_OPEN = "{\"user\":\"app\",\"";

    /** A name/value pair whose name is no secret's keeps its value, whatever the layout. */
    @Test
    void nameValueSiblingsOfOrdinaryNamesAreLeftAlone() {
        List<String> texts = List.of("Name=MAX_TOKENS, Value=4096", "{name=token_ttl, value=3600}",
                "- name: PASSWORD_MIN_LENGTH\n  value: 12", "Name=api-key-header, Value=X-Api-Key",
                "Name=db_password_file, Value=/run/secrets/db", "[{\"name\":\"HOME\",\"value\":\"/home/app\"}]",
                "- name: LOG_LEVEL\n  value: debug\n- name: REGION\n  value: eu-west-1");
        for (String t : texts) {
            assertThat(SCRUBBER.scrub(t)).as(t).isEqualTo(t);
        }
    }

    /** Every check above can fail: a secret left in the text, or a mask that covers more than the secret. */
    @Test
    void theCheckFailsOnALeakAndOnAnOverlongMask() {
        Rendered r = new Rendered("{user=app, password=" + "Zq3!x" + "Zq3!x" + ", port=5432}", "Zq3!xZq3!x");
        assertThat(expected(r).matcher("{user=app, password=[REDACTED:password-assignment], port=5432}").matches())
                .isTrue();
        assertThat(expected(r).matcher(r.text()).matches()).isFalse();
        assertThat(expected(r).matcher("{user=app, password=[REDACTED:password-assignment]}").matches()).isFalse();
        assertThat(expected(r).matcher("{user=app, password=[REDACTED:password-assignment]x, port=5432}")
                .matches()).isFalse();
    }
}
