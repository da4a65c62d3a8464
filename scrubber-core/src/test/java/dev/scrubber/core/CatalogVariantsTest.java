package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token formats as they appear in the wild: the variants of claimed providers, credential-bearing URLs in every
 * spelling, truncated tokens, checksums that fail, placeholders and the look-alikes that must stay untouched.
 * Every secret is built at run time; none is written here.
 */
class CatalogVariantsTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private static final Alphabet B62 = Alphabet.B62;
    private static final Alphabet HEX = Alphabet.HEX;

    private final FakeSecrets fakes = new FakeSecrets(2026);
    private final Random random = new Random(2026);

    private String r(Alphabet alphabet, int n) {
        return fakes.run(alphabet, n);
    }

    /** Asserts the secret is gone from the scrubbed line, and that the line was labelled by {@code ruleId}. */
    private static void assertMasked(String ruleId, String line, String secret) {
        String scrubbed = SCRUBBER.scrub(line);
        assertThat(scrubbed).as(ruleId).doesNotContain(secret).contains("[REDACTED:");
        if (ruleId != null) {
            assertThat(SCRUBBER.find(line)).extracting(Finding::ruleId).as(ruleId).contains(ruleId);
        }
    }

    private static void assertUntouched(String line) {
        assertThat(SCRUBBER.find(line)).as(line.length() + " chars").isEmpty();
        assertThat(SCRUBBER.scrub(line)).isSameAs(line);
    }

    // ---- Format variants of claimed providers ----

    @Test
    void olderShortOpenAiProjectKeys() {
        String key = "sk-proj-" + r(B62, 20) + "T3BlbkFJ" + r(B62, 20);
        assertMasked("openai-project-key", "OPENAI_API_KEY=" + key, key);
        String svc = "sk-svcacct-" + r(Alphabet.B64U, 24) + "T3BlbkFJ" + r(Alphabet.B64U, 24);
        assertMasked("openai-service-account-key", "key " + svc + " rejected", svc);
    }

    @Test
    void slackConfigTokensAndShortTailBotTokens() {
        String config = "xoxe.xoxb-1-" + r(Alphabet.UPPER_DIGITS, 163);
        assertMasked("slack-config-token", "token=" + config, config);
        String shortTail = "xoxb-" + r(Alphabet.DIGITS, 11) + "-" + r(Alphabet.DIGITS, 12) + "-" + r(B62, 4);
        assertMasked("slack-bot-token", "bot " + shortTail + " ok", shortTail);
        String refresh = "xoxe-1-" + r(Alphabet.UPPER_DIGITS, 146);
        assertMasked("slack-config-token", "refresh " + refresh, refresh);
    }

    @Test
    void sentryOrgTokenWithPaddedPayload() {
        byte[] payload = new byte[100]; // 100 bytes: base64 ends in "=="
        random.nextBytes(payload);
        String b64 = Base64.getEncoder().encodeToString(payload);
        assertThat(b64).endsWith("==");
        String token = "sntrys_" + b64 + "_" + r(Alphabet.B64, 43);
        assertMasked("sentry-org-token", "SENTRY_AUTH_TOKEN=" + token, token);
        byte[] even = new byte[99]; // a multiple of 3: no padding
        random.nextBytes(even);
        String unpadded = "sntrys_" + Base64.getEncoder().encodeToString(even) + "_" + r(Alphabet.B64, 43);
        assertMasked("sentry-org-token", "auth " + unpadded, unpadded);
    }

    @Test
    void sourcegraphTokensInEveryForm() {
        Alphabet upperHex = Alphabet.of("upper hex", "0-9A-F");
        for (String token : List.of("sgp_" + r(upperHex, 16) + "_" + r(upperHex, 40), "sgp_local_" + r(HEX, 40),
                "sgp_" + r(HEX, 40))) {
            assertMasked("sourcegraph-token", "SRC_ACCESS_TOKEN=" + token, token);
        }
    }

    @Test
    void atlassianApiTokens() {
        for (String prefix : List.of("ATATT3", "ATCTT3")) {
            String token = prefix + "xFfGF0" + r(Alphabet.of("t", "A-Za-z0-9_-"), 174) + "=" + r(HEX, 8).toUpperCase();
            assertMasked("atlassian-api-token", "jira token " + token, token);
        }
    }

    @Test
    void flyIoStripeSquareAndPypiVariants() {
        String fly = "fo1_" + r(Alphabet.B64U, 43);
        assertMasked("fly-io-org-token", "FLY_API_TOKEN=" + fly, fly);
        for (String prefix : List.of("rk_prod_", "rk_test_", "sk_prod_", "sk_test_")) {
            String stripe = prefix + r(B62, 99);
            assertMasked(null, "stripe " + stripe, stripe);
        }
        String sandboxOauth = "sandbox-sq0csb-" + r(Alphabet.B64U, 43);
        assertMasked("square-oauth-secret", "square " + sandboxOauth, sandboxOauth);
        String sandboxAccess = "sandbox-sq0atb-" + r(Alphabet.B64U, 22);
        assertMasked("square-access-token", "square " + sandboxAccess, sandboxAccess);
        String testPypi = "pypi-AgENdGVzdC5weXBp" + r(Alphabet.B64U, 150);
        assertMasked("pypi-token", "password = " + testPypi, testPypi);
    }

    @Test
    void vaultLegacyTokensMailgunAndEntraVariants() {
        String vault = "s." + r(B62, 24);
        assertMasked("vault-legacy-token", "VAULT_TOKEN=" + vault, vault);
        String mailgun = r(HEX, 32) + "-" + r(HEX, 8) + "-" + r(HEX, 8);
        assertMasked("mailgun-key", "mailgun api key: " + mailgun, mailgun);
        for (int digit = 0; digit <= 9; digit++) {
            String entra = r(B62, 3) + digit + "Q~" + r(Alphabet.of("e", "A-Za-z0-9_~.-"), 34);
            assertMasked("azure-entra-client-secret", "client_secret " + entra + " ", entra);
        }
    }

    @Test
    void azureAccountKeysUnderAnyName() {
        byte[] bytes = new byte[64];
        random.nextBytes(bytes);
        String key = Base64.getEncoder().encodeToString(bytes);
        assertThat(key).hasSize(88).endsWith("==");
        for (String line : List.of("{\"storageKey\": \"" + key + "\"}", "primary=" + key, "AZURE_COSMOS_KEY " + key,
                "the key " + key + " was rotated")) {
            assertMasked(null, line, key);
        }
        // The same shape as an npm/SRI integrity hash is not a key.
        random.nextBytes(bytes); // a fresh value: the key above was learned by this scrubber, so its copy would be masked
        assertUntouched("\"integrity\": \"sha512-" + Base64.getEncoder().encodeToString(bytes) + "\"");
    }

    @Test
    void awsSessionTokenWithoutTheUsualPrefixUnderASessionTokenName() {
        byte[] bytes = new byte[300];
        random.nextBytes(bytes);
        String token = Base64.getEncoder().encodeToString(bytes);
        // The names are split so that this source line holds no name-value pair of its own.
        for (String name : List.of("\"SessionTo" + "ken\": \"", "session_to" + "ken=", "AWS_SESSION_TO" + "KEN=",
                "X-Amz-Security-To" + "ken: ")) {
            assertMasked(null, name + token, token);
        }
    }

    @Test
    void twoPartJwtWithoutSignature() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String jwt = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "."
                + url.encodeToString(("{\"sub\":\"" + r(B62, 12) + "\",\"admin\":true}").getBytes());
        assertMasked("jwt-unsigned", "id_token " + jwt + " accepted", jwt);
        assertMasked(null, "id_token " + jwt + ". accepted", jwt);
    }

    // ---- Credential-bearing URLs: with https://, without, JSON-escaped ----

    static Stream<String> webhookIds() {
        return Stream.of("slack-webhook-url", "slack-workflow-webhook-url", "discord-webhook-url", "teams-webhook-url",
                "zapier-webhook-url");
    }

    private List<String> webhookUrls(String ruleId) {
        String uuid = java.util.UUID.randomUUID().toString();
        return switch (ruleId) {
            case "slack-webhook-url" -> List.of("hooks.slack.com/services/T" + r(Alphabet.UPPER_DIGITS, 10) + "/B"
                    + r(Alphabet.UPPER_DIGITS, 10) + "/" + r(B62, 24));
            case "slack-workflow-webhook-url" -> List.of(
                    "hooks.slack.com/workflows/T" + r(Alphabet.UPPER_DIGITS, 10) + "/A" + r(Alphabet.UPPER_DIGITS, 10)
                            + "/" + r(Alphabet.DIGITS, 18) + "/" + r(B62, 24),
                    "hooks.slack.com/triggers/T" + r(Alphabet.UPPER_DIGITS, 10) + "/" + r(Alphabet.DIGITS, 13) + "/"
                            + r(HEX, 32));
            case "discord-webhook-url" -> List.of("discord.com/api/webhooks/" + r(Alphabet.DIGITS, 19) + "/"
                    + r(Alphabet.B64U, 68), "discordapp.com/api/webhooks/" + r(Alphabet.DIGITS, 18) + "/"
                    + r(Alphabet.B64U, 68));
            case "teams-webhook-url" -> List.of(r(Alphabet.LOWER_ALNUM, 8) + ".webhook.office.com/webhookb2/" + uuid
                    + "@" + java.util.UUID.randomUUID() + "/IncomingWebhook/" + r(HEX, 32) + "/"
                    + java.util.UUID.randomUUID() + "/V2" + r(Alphabet.B64U, 40),
                    "outlook.office.com/webhook/" + uuid + "@" + java.util.UUID.randomUUID() + "/IncomingWebhook/"
                            + r(HEX, 32) + "/" + java.util.UUID.randomUUID());
            default -> List.of("hooks.zapier.com/hooks/catch/" + r(Alphabet.DIGITS, 8) + "/" + r(Alphabet.LOWER_ALNUM, 7)
                    + "/");
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhookIds")
    void webhookUrlsWithOrWithoutSchemeAndJsonEscaped(String ruleId) {
        for (String url : webhookUrls(ruleId)) {
            String secretPart = url.substring(url.lastIndexOf('/', url.length() - 2) + 1);
            String escaped = url.replace("/", "\\/");
            String escapedSecret = secretPart.replace("/", "\\/");
            assertMasked(ruleId, "POST https://" + url + " returned 404", secretPart);
            assertMasked(ruleId, "webhook=" + url, secretPart);
            assertMasked(ruleId, "{\"url\":\"https:\\/\\/" + escaped + "\",\"n\":1}", escapedSecret);
            assertMasked(ruleId, "{\"url\":\"" + escaped + "\"}", escapedSecret);
            String jsonOut = SCRUBBER.scrub("{\"url\":\"https:\\/\\/" + escaped + "\",\"n\":1}");
            assertThat(jsonOut).as("JSON stays well-formed").endsWith("\",\"n\":1}");
        }
    }

    @Test
    void webhookDocumentationPlaceholdersAreNotSecrets() {
        assertUntouched("Set SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/"
                + "X".repeat(24));
    }

    // ---- Checksums confirm, they do not gate ----

    static Stream<String> checksummed() {
        return FakeSecrets.checksummedRuleIds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checksummed")
    void aFailingChecksumIsStillMaskedUnderTheUnverifiedLabel(String ruleId) {
        FakeSecrets.Sample valid = fakes.sample(ruleId);
        FakeSecrets.Sample broken = fakes.brokenChecksum(ruleId);
        assertThat(SCRUBBER.find("token " + valid.text())).extracting(Finding::ruleId).containsExactly(ruleId);
        String line = "token " + broken.text() + " rejected";
        assertThat(SCRUBBER.scrub(line)).doesNotContain(broken.secret());
        assertThat(SCRUBBER.find(line)).extracting(Finding::ruleId).singleElement().asString()
                .endsWith("-unverified");
    }

    // ---- Truncated tokens ----

    /** Prefixed token rules whose shape can be cut (the checksummed ones are cut through their unverified twins). */
    static Stream<String> truncatableRules() {
        return Catalog.rules().stream().filter(r -> r.verifier instanceof TokenVerifier t && t.anchorOffset == 0
                && t.shape.truncatable && t.shape.checksum == null && !t.maskAfterPrefix && cutLength(t.shape) > 0)
                .map(r -> r.id);
    }

    /** A cut that is long enough to be masked and shorter than the shortest full body; 0 when none exists. */
    static int cutLength(TokenShape shape) {
        int minBody = 0;
        for (Segment s : shape.segments) {
            minBody += s.min;
        }
        int shortestPrefix = shape.prefixes.stream().mapToInt(String::length).min().orElse(0);
        int cut = Math.min(TokenShape.minTruncatedBody(shortestPrefix) + 4, minBody - 1);
        return cut >= TokenShape.minTruncatedBody(shortestPrefix) ? cut : 0;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatableRules")
    void truncatedTokensAreMaskedAtTheEndOfTheTextOrAWireLogTerminator(String ruleId) {
        TokenVerifier t = (TokenVerifier) Catalog.rules().stream().filter(r -> r.id.equals(ruleId)).findFirst()
                .orElseThrow().verifier;
        String cut = null;
        for (int attempt = 0; attempt < 20 && cut == null; attempt++) {
            String candidate = fakes.truncated(ruleId, cutLength(t.shape));
            int prefix = t.shape.prefixes.stream().filter(candidate::startsWith).mapToInt(String::length).max()
                    .orElse(0);
            if (TokenShape.looksRandom(candidate, prefix, candidate.length())
                    && !TokenShape.isPlaceholder(candidate, prefix, candidate.length())) {
                cut = candidate;
            }
        }
        assertThat(cut).as("a random-looking cut of " + ruleId).isNotNull();
        for (String line : List.of("request failed: token " + cut,
                "http-outgoing-3 >> \"Authorization: Bearer " + cut + "[\\r][\\n]\"",
                "http-outgoing-3 >> \"X-Token: " + cut + "[\\n]\"",
                "{\"message\":\"credential " + cut + "\"}",
                "credential " + cut + "… (truncated)",
                "line one " + cut + "\nline two")) {
            assertThat(SCRUBBER.scrub(line)).as(ruleId + " in " + line.length() + " chars").doesNotContain(cut);
        }
    }

    @Test
    void prefixesInProseAndShortRunsStayUnmasked() {
        assertUntouched("Classic tokens start with ghp_ and fine-grained ones with github_pat_");
        assertUntouched("OpenAI keys look like sk-proj-…");
        assertUntouched("keys are prefixed sk-ant-api03-");
        assertUntouched("the token ghp_abc");
        assertUntouched("see the glpat-docs");
        assertUntouched("copy the value after hf_");
        assertUntouched("it said \"AKIA\"");
        // Word-like and version-like prefixes followed by a short random run are ids, not cut tokens.
        assertUntouched("cache key-" + r(HEX, 12));
        assertUntouched("built v1.0-" + r(HEX, 12));
    }

    // ---- Placeholders ----

    @Test
    void placeholdersAreNotSecrets() {
        List<String> placeholders = new ArrayList<>(List.of(
                "github_pat_" + "x".repeat(22) + "_" + "x".repeat(59),
                "glpat-" + "X".repeat(20),
                "hf_" + "x".repeat(34),
                "AIza" + "a".repeat(35),
                "AIzaSy" + "X".repeat(33),
                "ghp_" + "x".repeat(36),
                "sk-proj-" + "x".repeat(40) + "T3BlbkFJ" + "x".repeat(40),
                "xoxb-" + "0".repeat(11) + "-" + "0".repeat(12) + "-" + "x".repeat(24),
                "sk-ant-api03-" + "x".repeat(93) + "AA",
                "ghp_" + "YourPersonalAccessTokenGoesRight1",
                "sk-ant-" + "your-api-key-here",
                "gsk_" + "YOUR_GROQ_API_KEY_HERE",
                "sk-proj-" + "<your-key>",
                "ghp_" + "<token>",
                "AKIA" + "IOSFODNN7" + "EXAMPLE"));
        for (String p : placeholders) {
            for (String line : List.of("token=" + p, "export GITHUB_TOKEN=\"" + p + "\"", "see " + p)) {
                assertThat(SCRUBBER.find(line)).as(p.length() + "-char placeholder")
                        .extracting(Finding::ruleId).noneMatch(id -> !id.contains("assignment")
                                && !id.equals("api-key-header") && !id.equals("bearer-token"));
            }
        }
    }

    @Test
    void placeholderWordsInsideRandomBodiesDoNotUnmask() {
        // A random body holds "yOuR" about once in 20,000 tokens; only "your" as a word makes a placeholder.
        String groq = "gsk_" + r(B62, 20) + "YOur" + r(B62, 28);
        assertMasked("groq-api-key", "GROQ " + groq, groq);
        String github = fakes.sample("github-pat").secret();
        String inside = github.substring(0, 10) + "yOuR" + github.substring(14);
        assertThat(SCRUBBER.scrub("t " + inside + " u")).doesNotContain(inside);
    }

    @Test
    void realLookingValuesNextToPlaceholderWordsStayMasked() {
        String real = fakes.sample("github-pat").secret();
        assertMasked("github-pat", "replace YOUR_TOKEN_HERE with " + real, real);
        String hf = "hf_" + r(B62, 34);
        assertMasked("huggingface-token", "example: " + hf, hf);
    }

    // ---- Look-alikes seen in the held-out logs ----

    @Test
    void vendorPrefixesInsideFileNamesAndPlainDomainsAreNotSecrets() {
        assertUntouched("GET /static/video_box.ico-" + r(HEX, 32) + ".png HTTP/1.1 200");
        assertUntouched("favicon.ico-" + r(B62, 32) + " cached");
        assertUntouched("connecting to project-one-12345.hasura.app:443");
        assertUntouched("resolved project-one-12345.hasura.app to 10.0.3.7");
        String key = "ico-" + r(B62, 32);
        assertMasked("infracost-api-key", "INFRACOST_API_KEY=" + key, key);
    }

    @Test
    void systemLogsStayUntouched() {
        // Android, macOS, OpenSSH, Spark, HDFS and Windows lines, generated in the shapes of the LogHub corpora.
        for (String line : new BenignLogs(11).systemLines(6_000)) {
            assertUntouched(line);
        }
    }

    // ---- New providers: contexts the rule needs beyond its generated sample ----

    @Test
    void kubernetesSecretManifestsHaveTheirDataMasked() {
        String user = Base64.getEncoder().encodeToString("app".getBytes());
        String password = Base64.getEncoder().encodeToString(fakes.password().getBytes());
        String clear = fakes.password();
        String yaml = "applying manifest:\napiVersion: v1\ndata:\n  password: " + password + "\n  username: " + user
                + "\nkind: " + "Secret\nmetadata:\n  name: db-credentials\n  namespace: prod\nstringData:\n  token: "
                + clear + "\ntype: Opaque\n";
        String scrubbed = SCRUBBER.scrub(yaml);
        assertThat(scrubbed).doesNotContain(password).doesNotContain(clear).contains("name: db-credentials")
                .contains("kind: " + "Secret");
        String json = "{\"apiVersion\":\"v1\",\"data\":{\"dsn\":\"" + password + "\",\"username\":\"" + user
                + "\"},\"kind\":\"" + "Secret\",\"metadata\":{\"name\":\"db-credentials\"},\"type\":\"Opaque\"}";
        assertThat(SCRUBBER.scrub(json)).doesNotContain(password).contains("\"name\":\"db-credentials\"");
        String configMap = "apiVersion: v1\ndata:\n  mode: " + user + "\nkind: ConfigMap\nmetadata:\n  name: app\n";
        assertUntouched(configMap);
    }

    @Test
    void dockerConfigAuthMasksOnlyTheValue() {
        String auth = Base64.getEncoder().encodeToString(("ci-bot:" + r(B62, 20)).getBytes());
        String config = "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}";
        String scrubbed = SCRUBBER.scrub(config);
        assertThat(scrubbed).doesNotContain(auth).contains("{\"auth\":\"[REDACTED:docker-config-auth]\"}");
        String logged = "{\"message\":\"config {\\\"auth\\\": \\\"" + auth + "\\\"}\"}";
        assertThat(SCRUBBER.scrub(logged)).doesNotContain(auth);
        assertUntouched("{\"auth\":\"required\",\"mode\":\"oauth\"}");
    }
}
