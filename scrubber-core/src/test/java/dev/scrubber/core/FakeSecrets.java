package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The one source of fake secrets for every module's tests. Secrets are built at run time from the catalog's own
 * shapes (random, seeded, with valid checksums), so no key-shaped literal is ever committed. Each
 * {@link Sample} holds the text to log (the secret with the context its rule needs, such as a keyword) and the
 * secret that must not survive scrubbing.
 *
 * <p>Used by other modules through the {@code scrubber-core} test-jar.
 */
public final class FakeSecrets {
    /** A fake secret in its minimal context. {@code toString} hides the secret, like the library does. */
    public record Sample(String ruleId, String text, String secret) {
        /** Pieces of the secret that must each be absent from scrubbed output (the lines of a multi-line key). */
        public List<String> pieces() {
            List<String> out = new ArrayList<>();
            for (String line : secret.split("\n")) {
                if (line.length() >= 6) {
                    out.add(line);
                }
            }
            return out;
        }

        public boolean multiLine() {
            return text.indexOf('\n') >= 0;
        }

        @Override
        public String toString() {
            return "Sample[" + ruleId + "]";
        }
    }

    private final Random random;

    public FakeSecrets(long seed) {
        this.random = new Random(seed);
    }

    /** The ids of all built-in rules; every one has a sample. */
    public static List<String> ruleIds() {
        return Catalog.rules().stream().map(r -> r.id).toList();
    }

    /** A fresh sample for a built-in rule. */
    public Sample sample(String ruleId) {
        Rule rule = Catalog.rules().stream().filter(r -> r.id.equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ruleId));
        Verifier v = rule.verifier;
        if (v instanceof TokenVerifier t) {
            String token = token(t.shape);
            if (t.maskAfterPrefix) {
                String prefix = t.shape.prefixes.stream().filter(token::startsWith).findFirst().orElseThrow();
                return new Sample(ruleId, token, token.substring(prefix.length()));
            }
            return new Sample(ruleId, token, token);
        }
        if (v instanceof NearbyTokenVerifier n && n.id == null) {
            String token = token(n.shape);
            return new Sample(ruleId, keyword(rule) + "=" + token, token);
        }
        if (v instanceof KeywordValueVerifier k) {
            return assignment(rule, k);
        }
        return switch (ruleId) {
            case "uri-password" -> {
                String pw = password();
                yield new Sample(ruleId, "postgres://app_user:" + pw + "@db.internal.example:5432/orders", pw);
            }
            case "private-key" -> {
                String body = base64Lines(12);
                yield new Sample(ruleId, "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----",
                        body);
            }
            case "putty-private-key" -> {
                String priv = base64Lines(4);
                yield new Sample(ruleId, "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: fake\n"
                        + "Public-Lines: 2\n" + base64Lines(2) + "\nPrivate-Lines: 4\n" + priv + "\nPrivate-MAC: "
                        + run(Alphabet.HEX, 64), priv);
            }
            case "kubernetes-secret-string-data" -> {
                String value = password();
                yield new Sample(ruleId, "{\"apiVersion\":\"v1\",\"kind\":\"" + "Secret\",\"metadata\":{\"name\":\"db\"},"
                        + "\"stringData\":{\"dsn\":\"" + value + "\"}}", value);
            }
            case "kubernetes-secret" -> {
                String value = Base64.getEncoder().encodeToString(password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                yield new Sample(ruleId, "{\"apiVersion\":\"v1\",\"kind\":\"" + "Secret\",\"metadata\":{\"name\":\"db\"},"
                        + "\"type\":\"Opaque\",\"data\":{\"dsn\":\"" + value + "\"}}", value);
            }
            case "aws-access-key-pair" -> {
                String secret = run(Alphabet.B64, 40);
                yield new Sample(ruleId, sample("aws-access-key-id").secret() + ":" + secret, secret);
            }
            case "alibaba-access-key-pair" -> {
                String secret = run(Alphabet.B62, 30);
                yield new Sample(ruleId, sample("alibaba-access-key-id").secret() + " " + secret, secret);
            }
            case "cli-password" -> {
                String pw = password();
                yield new Sample(ruleId, "curl -u deploy:" + pw + " https://repo.internal.example/upload", pw);
            }
            case "sql-password" -> {
                String pw = password();
                yield new Sample(ruleId, String.format("Executing: CREATE USER 'app'@'%%' IDENTIFIED BY '%s';", pw), pw);
            }
            default -> throw new IllegalArgumentException("no generator for " + ruleId);
        };
    }

    /**
     * A sample of a checksummed rule ({@code github-pat}, {@code npm-token}) whose checksum is wrong: the same
     * shape with one checksum character changed, as a corrupted or fabricated token looks.
     */
    public Sample brokenChecksum(String ruleId) {
        Sample valid = sample(ruleId);
        String text = valid.text();
        char last = text.charAt(text.length() - 1);
        String broken = text.substring(0, text.length() - 1) + (last == 'a' ? 'b' : 'a');
        return new Sample(ruleId, broken, broken);
    }

    /** The built-in rules whose checksum confirms a token (a broken one is masked under another label). */
    public static List<String> checksummedRuleIds() {
        return Catalog.rules().stream().filter(r -> r.verifier instanceof TokenVerifier t && t.shape.checksum != null)
                .map(r -> r.id).toList();
    }

    /**
     * A token of {@code ruleId} cut after its prefix and {@code bodyLength} characters, as a truncated log line
     * holds it.
     */
    public String truncated(String ruleId, int bodyLength) {
        String token = sample(ruleId).secret();
        Rule rule = Catalog.rules().stream().filter(r -> r.id.equals(ruleId)).findFirst().orElseThrow();
        return token.substring(0, rule.publicPrefixLength(token, 0) + bodyLength);
    }

    /** One sample for every built-in rule, in catalog order. */
    public Map<String, Sample> all() {
        Map<String, Sample> out = new LinkedHashMap<>();
        for (String id : ruleIds()) {
            out.put(id, sample(id));
        }
        return out;
    }

    // Convenience for adapter tests: the secrets an LLM service most often leaks.

    public String openAiProjectKey() {
        return sample("openai-project-key").secret();
    }

    public String anthropicApiKey() {
        return sample("anthropic-api-key").secret();
    }

    public String githubPat() {
        return sample("github-pat").secret();
    }

    public String awsAccessKeyId() {
        return sample("aws-access-key-id").secret();
    }

    public String jwt() {
        return sample("jwt").secret();
    }

    /**
     * A random value over all printable ASCII (punctuation, a leading {@code $} now and then, blanks inside) that a
     * Java {@code Map}/{@code Properties}/Lombok {@code toString} dump can carry unambiguously: no {@code , name=} and
     * no bracket that could close the dump (see {@code NamedValueCorpus}).
     */
    public String dumpValue(int minLength, int maxLength) {
        NamedValueCorpus corpus = new NamedValueCorpus(random.nextLong());
        String v;
        do {
            v = corpus.value(minLength, maxLength);
        } while (!NamedValueCorpus.dumpValue(v) || v.indexOf('{') >= 0 || v.indexOf('(') >= 0
                || Placeholders.isPlaceholder(v, 0, v.length()) || Entropy.bitsPerChar(v, 0, v.length(), new int[128]) < 3.0);
        return v;
    }

    /** Every printable ASCII punctuation character but the quotes, the backslash and the blank. */
    public static final String PASSWORD_SYMBOLS = "!#$%&()*+,-./:;<=>?@[]^_{|}~";
    /** Every printable ASCII punctuation character and the blank. */
    public static final String ALL_SYMBOLS = PASSWORD_SYMBOLS + "\"'\\` ";

    /**
     * A value as password generators and people make them: letters and digits with about one character in three
     * drawn from {@code symbols}, at least one digit and one symbol, no blank at either end, and random enough
     * (3+ bits/char) to be a secret under any sensitive name. Seeded like every other sample.
     */
    public String punctuated(int minLength, int maxLength, String symbols) {
        String alnum = Alphabet.B62.members();
        while (true) {
            int n = minLength + random.nextInt(maxLength - minLength + 1);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(random.nextInt(3) == 0 ? symbols.charAt(random.nextInt(symbols.length()))
                        : alnum.charAt(random.nextInt(alnum.length())));
            }
            String v = sb.toString();
            if (v.chars().anyMatch(Character::isDigit) && v.chars().anyMatch(c -> symbols.indexOf(c) >= 0)
                    && v.charAt(0) != ' ' && v.charAt(n - 1) != ' ' && !Placeholders.isPlaceholder(v, 0, n)
                    && Entropy.bitsPerChar(v, 0, n, new int[128]) >= 3.0) {
                return v;
            }
        }
    }

    /** An AWS secret access key shape: 40 base64 characters. */
    public String awsSecretAccessKey() {
        return run(Alphabet.B64, 40);
    }

    /** A password with letters, digits and a symbol, safe inside a URI's user-info. */
    public String password() {
        return run(Alphabet.B62, 14) + "!" + random.nextInt(10);
    }

    /** Random characters of a rule alphabet. */
    String run(Alphabet alphabet, int length) {
        String members = alphabet.members().replace("\\", ""); // a backslash is there for JSON escapes only
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(members.charAt(random.nextInt(members.length())));
        }
        return sb.toString();
    }

    private String token(TokenShape shape) {
        StringBuilder sb = new StringBuilder();
        // The JSON-escaped forms of URL prefixes are what escaping produces; samples hold the plain text.
        List<String> prefixes = shape.prefixes.stream().filter(p -> p.indexOf('\\') < 0).toList();
        if (!prefixes.isEmpty()) {
            sb.append(prefixes.get(random.nextInt(prefixes.size())));
        }
        int bodyStart = sb.length();
        int markerRunStart = -1;
        for (Segment seg : shape.segments) {
            if (seg.isLiteral()) {
                sb.append(seg.literal);
            } else {
                int len = seg.min + random.nextInt(Math.min(seg.max - seg.min, 24) + 1);
                if (shape.marker != null && markerRunStart < 0 && len >= shape.marker.length() + 8) {
                    markerRunStart = sb.length();
                }
                sb.append(run(seg.alphabet, len));
            }
        }
        if (shape.marker != null) {
            sb.replace(markerRunStart + 4, markerRunStart + 4 + shape.marker.length(), shape.marker);
        }
        if (shape.checksum == Checksum.CRC32_BASE62) {
            int checkStart = sb.length() - 6;
            long crc = Checksum.crc32(sb, bodyStart, checkStart, new java.util.zip.CRC32());
            for (int i = sb.length() - 1; i >= checkStart; i--) {
                sb.setCharAt(i, Checksum.BASE62_DIGITS.charAt((int) (crc % 62)));
                crc /= 62;
            }
        }
        return sb.toString();
    }

    private Sample assignment(Rule rule, KeywordValueVerifier k) {
        String keyword = keyword(rule);
        Alphabet alphabet = k.valueAlphabet != null ? k.valueAlphabet : Alphabet.B62;
        int length = Math.max(k.minLength, Math.min(k.maxLength, 24));
        StringBuilder value = new StringBuilder(run(alphabet, length));
        value.setCharAt(random.nextInt(length), (char) ('0' + random.nextInt(10))); // never letters only
        // Known gap (reported with issue 11, owned by the named-values work): Placeholders takes a value that starts
        // with '/' for a file path, so a base64 secret such as "/bfsv…" under a sensitive MDC key is not masked.
        // Samples never start with '/', so that this gap does not make unrelated tests flaky as the catalog grows.
        if (value.charAt(0) == '/') {
            value.setCharAt(0, alphabet.members().replace("/", "").charAt(0));
        }
        String text;
        if (keyword.endsWith("=")) {
            text = keyword + value;
        } else if (!k.schemes.isEmpty()) {
            text = keyword + ": Bearer " + value;
        } else if (k.operatorOptional) {
            text = keyword + " " + value;
        } else {
            text = keyword + "=" + value;
        }
        return new Sample(rule.id, text, value.toString());
    }

    private static String keyword(Rule rule) {
        return rule.anchors.get(0).literal();
    }

    private String base64Lines(int lines) {
        byte[] bytes = new byte[48];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            random.nextBytes(bytes);
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(Base64.getEncoder().encodeToString(bytes));
        }
        return sb.toString();
    }
}
