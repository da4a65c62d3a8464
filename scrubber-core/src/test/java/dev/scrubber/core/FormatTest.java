package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Formats checked against recipes written independently of the catalog (from the providers' documented shapes),
 * and the look-alikes that must stay untouched. Key-shaped strings are assembled at run time.
 */
class FormatTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private final Random random = new Random(5);

    private String chars(String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static final String B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String B64U = B62 + "_-";
    private static final String OPENAI_MARKER = "T3Bl" + "bkFJ";

    @Test
    void openAiProjectKeyOfDocumentedLength() {
        String key = "sk-" + "proj-" + chars(B64U, 74) + OPENAI_MARKER + chars(B64U, 74);
        assertThat(SCRUBBER.find("OPENAI_API_KEY=" + key)).extracting(Finding::ruleId)
                .containsExactly("openai-project-key");
    }

    @Test
    void anthropicKeyIs108Characters() {
        String key = "sk-" + "ant-api03-" + chars(B64U, 93) + "AA";
        assertThat(key).hasSize(108);
        assertThat(SCRUBBER.scrub("x-api-key: " + key)).isEqualTo("x-api-key: [REDACTED:anthropic-api-key]");
    }

    @Test
    void githubChecksumIsVerified() {
        String body = chars(B62, 30);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String check = base62(crc.getValue());
        String valid = "gh" + "p_" + body + check;
        String invalid = "gh" + "p_" + body + (check.charAt(5) == 'x' ? check.substring(0, 5) + "y" : check.substring(0, 5) + "x");
        assertThat(SCRUBBER.find(valid)).extracting(Finding::ruleId).containsExactly("github-pat");
        // The checksum confirms, it does not gate: a failing one is still masked, under the unverified label.
        assertThat(SCRUBBER.find(invalid)).extracting(Finding::ruleId).containsExactly("github-token-unverified");
    }

    private static String base62(long value) {
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = digits.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    @Test
    void uriPasswordMasksOnlyThePassword() {
        String pw = chars(B62, 12) + "!";
        for (String scheme : List.of("postgres", "postgresql", "mongodb+srv", "redis", "amqps", "https")) {
            String uri = scheme + "://app_user:" + pw + "@db.prod.internal:5432/orders?ssl=true";
            assertThat(SCRUBBER.scrub("connecting to " + uri)).isEqualTo(
                    "connecting to " + scheme + "://app_user:[REDACTED:uri-password]@db.prod.internal:5432/orders?ssl=true");
        }
        assertThat(SCRUBBER.scrub("redis://:" + pw + "@cache:6379")).isEqualTo("redis://:[REDACTED:uri-password]@cache:6379");
    }

    @Test
    void headersKeepTheirSchemeWord() {
        String token = chars(B62, 40);
        assertThat(SCRUBBER.scrub("Authorization: Bearer " + token)).isEqualTo("Authorization: Bearer [REDACTED:authorization-header]");
        String basic = java.util.Base64.getEncoder().encodeToString(("svc:" + chars(B62, 10)).getBytes());
        assertThat(SCRUBBER.scrub("authorization=Basic " + basic)).isEqualTo("authorization=Basic [REDACTED:authorization-header]");
        assertThat(SCRUBBER.scrub(String.format("{\"Authorization\":\"Bearer %s\"}", token)))
                .isEqualTo("{\"Authorization\":\"Bearer [REDACTED:authorization-header]\"}");
    }

    @Test
    void assignmentsInCommonSyntaxes() {
        String pw = chars(B62, 10) + "#1";
        String name = "pass" + "word";
        assertThat(SCRUBBER.scrub("jdbc:postgresql://db:5432/app?user=app&" + name + "=" + pw + "&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&" + name + "=[REDACTED:password-assignment]&ssl=true");
        assertThat(SCRUBBER.scrub("{\"db_" + name + "\": \"" + pw + "\"}"))
                .isEqualTo("{\"db_" + name + "\": \"[REDACTED:password-assignment]\"}");
        assertThat(SCRUBBER.scrub(name + ": " + pw)).isEqualTo(name + ": [REDACTED:password-assignment]");
        assertThat(SCRUBBER.scrub("<" + name + ">" + pw + "</" + name + ">"))
                .isEqualTo("<" + name + ">[REDACTED:password-assignment]</" + name + ">");
        assertThat(SCRUBBER.scrub("Server=db;User Id=app;" + "Pass" + "word=" + pw + ";"))
                .isEqualTo("Server=db;User Id=app;" + "Pass" + "word=[REDACTED:password-assignment];");
        String apiKey = chars(B62, 32);
        assertThat(SCRUBBER.scrub("{\"api" + "Key\": \"" + apiKey + "\"}")).isEqualTo("{\"api" + "Key\": \"[REDACTED:secret-assignment]\"}");
        assertThat(SCRUBBER.scrub("{\\\"" + name + "\\\":\\\"" + pw + "\\\"}"))
                .as("escaped JSON inside JSON").isEqualTo("{\\\"" + name + "\\\":\\\"[REDACTED:password-assignment]\\\"}");
    }

    @Test
    void placeholdersAndDescriptionsAreUntouched() {
        String name = "pass" + "word";
        for (String line : List.of(name + "=${DB_PASSWORD}", name + ": {{ vault_db }}", name + "=<redacted>",
                name + "=****", name + "=changeme", "\"" + name + "\": \"\"", name + " reset email sent",
                name + "_policy=min12", "token: [REDACTED]", "api_key=%API_KEY%", name + "=null", "secret: true",
                "Authorization: Bearer ${TOKEN}", "token count=4096", "max_tokens=1024", "tokenizer=cl100k_base",
                "for (String secret : secrets)", "passwordEncoder=bcrypt", "https://example.com:8443/path@x",
                name + "=<not set> user=app", "  + " + name + " = (sensitive value)", name + "=(none)",
                name + "=$(cat /run/secrets/db_" + name + ") user=app", name + "=${{ secrets.DB_PASSWORD }}",
                "      DB_" + name.toUpperCase(java.util.Locale.ROOT) + ":  <set to the key '" + name
                        + "' in secret 'db-creds'>  Optional: false",
                name + "=file:/run/secrets/db_" + name, name + "=env:DB_PASSWORD", name + "=sm://db-" + name,
                name + "=vault:secret/data/db#" + name, name + "=ab****yz", "apiKey=disabled")) {
            assertThat(SCRUBBER.scrub(line)).as(line).isSameAs(line);
        }
    }

    /**
     * A system's default or a breach list's commonest password under a password name is the credential in use,
     * however plain the word (admin, root, guest); the same word in a sentence is not.
     */
    @Test
    void defaultPasswordsUnderAPasswordNameAreMasked() {
        String name = "pass" + "word";
        for (String value : List.of("admin", "root", "guest", "qwerty")) {
            for (String line : List.of(name + "=" + value, "{user=app, " + name + "=" + value + "}",
                    "\"" + name + "\":\"" + value + "\"", "spring.rabbitmq." + name + ": " + value,
                    name + "=" + value + " user=app")) {
                assertThat(SCRUBBER.scrub(line)).as(line).doesNotContain("=" + value).doesNotContain(": " + value)
                        .doesNotContain("\"" + value + "\"").contains("[REDACTED:");
            }
        }
        for (String line : List.of("Invalid " + name + " for admin", name + "=admin rights required",
                "the " + name + " is guest", name + "=changeme")) {
            assertThat(SCRUBBER.scrub(line)).as(line).isSameAs(line);
        }
    }

    @Test
    void logLookAlikesAreUntouched() {
        List<String> lines = List.of(
                "task-" + chars(B62, 30) + " risk-" + chars(B62, 30) + " disk-" + chars(B62, 30),
                "traceparent: 00-" + chars("0123456789abcdef", 32) + "-" + chars("0123456789abcdef", 16) + "-01",
                "commit " + chars("0123456789abcdef", 40) + " digest sha256:" + chars("0123456789abcdef", 64),
                "request " + java.util.UUID.randomUUID() + " for pinecone-index-" + chars(B62, 8),
                "img data:image/png;base64,iVBORw0KGgo" + chars(B62 + "+/", 200),
                "at com.example.service.UserController.handle(UserController.java:42)",
                "file /var/lib/docker/overlay2/" + chars("0123456789abcdef", 64) + "/merged",
                "Root=1-" + chars("0123456789abcdef", 8) + "-" + chars("0123456789abcdef", 24),
                "chatcmpl-" + chars(B62, 29) + " req_" + chars(B62, 24) + " msg_" + chars(B62, 24));
        for (String line : lines) {
            assertThat(SCRUBBER.find(line)).as(line).isEmpty();
        }
    }

    @Test
    void pemBlocksIncludingJsonEscapedOnes() {
        String body = chars(B62 + "+/", 64) + "\n" + chars(B62 + "+/", 64);
        String pem = "-----BEGIN " + "PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----";
        assertThat(SCRUBBER.scrub("key:\n" + pem + "\nnext")).isEqualTo("key:\n[REDACTED:private-key]\nnext");
        String json = String.format("{\"type\":\"service_account\",\"private_key\":\"%s\\n\",\"x\":1}",
                pem.replace("\n", "\\n"));
        assertThat(SCRUBBER.scrub(json)).doesNotContain(body.substring(0, 64)).endsWith(",\"x\":1}");
        String pgp = "-----BEGIN PGP " + "PRIVATE KEY BLOCK-----\n\n" + body + "\n-----END PGP PRIVATE KEY BLOCK-----";
        assertThat(SCRUBBER.scrub(pgp)).isEqualTo("[REDACTED:private-key]");
    }

    @Test
    void awsPairAndContextGatedSecrets() {
        String id = "AK" + "IA" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        String secret = chars(B62 + "+/", 40);
        String out = SCRUBBER.scrub("aws_access_key_id=" + id + "\naws_secret_access_key = " + secret);
        assertThat(out).doesNotContain(id).doesNotContain(secret);
        // another value: this one was learned above (learnSecrets), so its bare copies are masked from now on
        assertThat(SCRUBBER.find("checksum " + chars(B62 + "+/", 40))).as("40 chars alone are not a key").isEmpty();
        String mistral = chars(B62, 32);
        assertThat(SCRUBBER.scrub("MISTRAL_API_KEY=" + mistral)).doesNotContain(mistral);
    }
}
