package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The public API: same-instance and allocation guarantees, styles, key-aware values, known secrets, custom rules. */
class ScrubberTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private final FakeSecrets fakes = new FakeSecrets(2026);

    @Test
    void benignCorpusComesOutUnchangedAsTheSameInstance() {
        List<String> lines = new BenignLogs(1).lines(3000);
        for (String line : lines) {
            assertThat(SCRUBBER.find(line)).as(line).isEmpty();
            assertThat(SCRUBBER.scrub(line)).isSameAs(line);
        }
    }

    @Test
    void cleanTextAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<String> lines = new BenignLogs(5).lines(1000);
        StringBuilder buffer = new StringBuilder(4096);
        for (int warm = 0; warm < 30; warm++) {
            for (String line : lines) {
                SCRUBBER.scrub(line);
                buffer.setLength(0);
                buffer.append(line);
                SCRUBBER.scrub(buffer, 0, buffer.length());
                SCRUBBER.scrubValue("request.path", line);
            }
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        int calls = 0;
        for (int round = 0; round < 20; round++) {
            for (String line : lines) {
                SCRUBBER.scrub(line);
                buffer.setLength(0);
                buffer.append(line);
                SCRUBBER.scrub(buffer, 0, buffer.length());
                SCRUBBER.scrubValue("request.path", line);
                SCRUBBER.containsSecret(buffer);
                SCRUBBER.find(line);
                calls += 5;
            }
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        // 100,000 calls; the measurement itself may cost a few hundred bytes.
        assertThat(allocated).as("bytes allocated by %d clean calls", calls).isLessThan(4096);
    }

    @Test
    void secretInTheMiddleIsMaskedAndTheRestKept() {
        String key = fakes.openAiProjectKey();
        String out = SCRUBBER.scrub("calling model with key " + key + " (attempt 2)");
        assertThat(out).isEqualTo("calling model with key [REDACTED:openai-project-key] (attempt 2)");
    }

    @Test
    void maskStyles() {
        String key = fakes.githubPat();
        String line = "token " + key + " rejected";
        assertThat(scrubber(MaskStyle.FULL).scrub(line)).isEqualTo("token [REDACTED] rejected");
        assertThat(scrubber(MaskStyle.PARTIAL).scrub(line))
                .isEqualTo("token ghp_[REDACTED]" + key.substring(key.length() - 4) + " rejected");
        String fp = scrubber(MaskStyle.FINGERPRINT).scrub(line);
        assertThat(fp).matches("token \\[REDACTED:github-pat:[0-9a-f]{8}\\] rejected");
        assertThat(scrubber(MaskStyle.FINGERPRINT).scrub(line)).as("same key, same fingerprint").isEqualTo(fp);
        assertThat(scrubber(MaskStyle.FINGERPRINT).scrub("token " + fakes.githubPat() + " rejected"))
                .as("another key, another fingerprint").isNotEqualTo(fp);
        for (MaskStyle style : MaskStyle.values()) {
            String once = scrubber(style).scrub(line);
            assertThat(scrubber(style).scrub(once)).as("idempotent in %s", style).isEqualTo(once);
        }
    }

    @Test
    void partialKeepsNoTailOfShortSecrets() {
        String pw = "Zq7" + "xK2m";
        String out = scrubber(MaskStyle.PARTIAL).scrub("postgres://app:" + pw + "@db:5432/x");
        assertThat(out).isEqualTo("postgres://app:[REDACTED]@db:5432/x");
    }

    private static Scrubber scrubber(MaskStyle style) {
        return Scrubber.builder().knownSecretsFromEnvironment(false).maskStyle(style).fingerprintKey("k").build();
    }

    @Test
    void scrubValueMasksSensitiveKeysWhole() {
        String value = "correct horse battery staple";
        for (String key : List.of("password", "DB_PASSWORD", "x-api-key", "openaiApiKey", "Authorization",
                "client.secret", "AWS_SECRET_ACCESS_KEY", "github_token")) {
            assertThat(SCRUBBER.scrubValue(key, value)).as(key).isEqualTo("[REDACTED:sensitive-key]");
        }
        assertThat(SCRUBBER.scrubValue("requestId", value)).isSameAs(value);
        assertThat(SCRUBBER.scrubValue("password_policy", "min 12 chars")).isEqualTo("min 12 chars");
        assertThat(SCRUBBER.scrubValue("password", "${DB_PASSWORD}")).as("placeholder").isEqualTo("${DB_PASSWORD}");
        String key = fakes.anthropicApiKey();
        assertThat(SCRUBBER.scrubValue("note", "uses " + key)).isEqualTo("uses [REDACTED:anthropic-api-key]");
        assertThat(SCRUBBER.scrubValue(null, null)).isNull();
        Scrubber withSsn = Scrubber.builder().knownSecretsFromEnvironment(false).addSensitiveKeys("ssn").build();
        assertThat(withSsn.scrubValue("customer_ssn", "078-05-1120")).isEqualTo("[REDACTED:sensitive-key]");
        assertThat(withSsn.scrub("customer ssn=078-05-1120, plan=pro"))
                .as("added keys are found in text too").isEqualTo("customer ssn=[REDACTED:sensitive-key], plan=pro");
    }

    @Test
    void findReportsRuleAndSpanButNeverTheSecret() {
        String key = fakes.awsAccessKeyId();
        String text = "id=" + key + ";";
        List<Finding> findings = SCRUBBER.find(text);
        assertThat(findings).containsExactly(new Finding("aws-access-key-id", 3, 3 + key.length()));
        assertThat(SCRUBBER.containsSecret(new StringBuilder(text))).isTrue();
        assertThat(SCRUBBER.containsSecret("id=none;")).isFalse();
        assertThat(findings.toString()).doesNotContain(key);
    }

    @Test
    void overlappingFindingsMergeIntoOneMask() {
        String jwt = fakes.jwt();
        String out = SCRUBBER.scrub("Authorization: Bearer " + jwt);
        assertThat(out).isEqualTo("Authorization: Bearer [REDACTED:jwt]");
    }

    @Test
    void inPlaceAndAppendingVariants() {
        String key = fakes.githubPat();
        StringBuilder sb = new StringBuilder("HEAD|token " + key + " x|TAIL");
        int masked = SCRUBBER.scrub(sb, 5, sb.length() - 5);
        assertThat(masked).isEqualTo(1);
        assertThat(sb).hasToString("HEAD|token [REDACTED:github-pat] x|TAIL");

        StringBuilder out = new StringBuilder("> ");
        assertThat(SCRUBBER.scrubTo("pat " + key, out)).isTrue();
        assertThat(out).hasToString("> pat [REDACTED:github-pat]");
        assertThat(SCRUBBER.scrubTo("clean", out)).isFalse();
    }

    @Test
    void inPlaceRangeDoesNotSeeTextOutsideIt() {
        String key = fakes.githubPat();
        StringBuilder sb = new StringBuilder(key + "|clean|" + key);
        assertThat(SCRUBBER.scrub(sb, key.length(), key.length() + 7)).isZero();
        assertThat(sb).hasToString(key + "|clean|" + key);
    }

    @Test
    void knownSecretsAreMaskedWithTheirEncodings() {
        String known = "corp-" + "Secret/42+x";
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false).knownSecrets(known).build();
        String b64 = Base64.getEncoder().encodeToString(known.getBytes(StandardCharsets.UTF_8));
        String url = URLEncoder.encode(known, StandardCharsets.UTF_8);
        assertThat(s.scrub("a " + known + " b")).isEqualTo("a [REDACTED:known-secret] b");
        assertThat(s.scrub("basic " + b64)).doesNotContain(b64.replace("=", ""));
        assertThat(s.scrub("q=" + url)).isEqualTo("q=[REDACTED:known-secret]");
        assertThatThrownBy(() -> Scrubber.builder().knownSecrets("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knownSecretsFromTheEnvironmentFollowNameAndLengthRules() {
        String value = "envSecretValue" + "9Q";
        Scrubber s = Scrubber.builder().environment(Map.of("MY_SERVICE_TOKEN", value, "SHORT_KEY", "abc",
                "HOME", "/root", "APP_PASSWORD", "hunter" + "2hunter2", "FEATURE_KEY", "enabled")).build();
        assertThat(s.scrub("v=" + value)).isEqualTo("v=[REDACTED:known-secret]");
        assertThat(s.scrub("home is /root, flag enabled, abc")).isEqualTo("home is /root, flag enabled, abc");
        assertThat(s.scrub("login hunter2hunter2 ok")).isEqualTo("login [REDACTED:known-secret] ok");
        assertThat(Scrubber.builder().knownSecretsFromEnvironment(false).environment(Map.of("X_TOKEN", value)).build()
                .scrub(value)).isSameAs(value);
    }

    @Test
    void knownSecretsRegisteredWhileOtherThreadsScrub() throws Exception {
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false).build();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            secrets.add("rotated-" + fakes.password() + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch registered = new CountDownLatch(1);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            futures.add(pool.submit(() -> {
                try {
                    while (registered.getCount() > 0) {
                        s.scrub("line with " + secrets.get(7) + " and more");
                    }
                    for (String value : secrets) {
                        assertThat(s.scrub("x " + value + " y")).isEqualTo("x [REDACTED:known-secret] y");
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        for (String value : secrets) {
            s.addKnownSecret(value);
        }
        registered.countDown();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(errors).isEmpty();
    }

    @Test
    void globalKnownSecretsReachScrubbersBuiltBeforeAndAfter() throws Exception {
        Scrubber before = Scrubber.builder().knownSecretsFromEnvironment(false).build();
        String value = "global-" + fakes.password();
        String line = "fetched " + value + " from the vault";
        assertThat(before.scrub(line)).isSameAs(line);
        Thread registrar = new Thread(() -> Scrubber.addGlobalKnownSecret(value));
        registrar.start();
        registrar.join();
        Scrubber after = Scrubber.builder().knownSecretsFromEnvironment(false).build();
        assertThat(before.scrub(line)).isEqualTo("fetched [REDACTED:known-secret] from the vault");
        assertThat(after.scrub(line)).isEqualTo("fetched [REDACTED:known-secret] from the vault");
    }

    @Test
    void customRulesAreAnchoredOrRefused() {
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false)
                .addRule("acme-key", "acme_[a-z0-9]{32}")
                .addRule("internal-pin", "(?i)pin code: ([0-9]{6})")
                .addRule("ticket-secret", "T-[A-Z]{4}-[0-9]{4}", "ticket").build();
        String acme = "acme_" + "0123456789abcdefghij0123456789ab";
        assertThat(s.scrub("k=" + acme)).isEqualTo("k=[REDACTED:acme-key]");
        assertThat(s.scrub("PIN Code: 123456 sent")).isEqualTo("PIN Code: [REDACTED:internal-pin] sent");
        assertThat(s.scrub("ticket secret T-ABCD-1234")).isEqualTo("ticket secret [REDACTED:ticket-secret]");
        assertThat(s.scrub("no keyword T-ABCD-1234")).isEqualTo("no keyword T-ABCD-1234");

        assertThatThrownBy(() -> Scrubber.builder().addRule("bad", "[a-z]{10,}|[0-9]+"))
                .hasMessageContaining("cannot derive a literal").hasMessageContaining("declare keywords");
        assertThatThrownBy(() -> Scrubber.builder().addRule("bad", "(unclosed"))
                .hasMessageContaining("invalid RE2 pattern");
        assertThatThrownBy(() -> Scrubber.builder().addRule("github-pat", "abc[0-9]"))
                .hasMessageContaining("already used");
        assertThatThrownBy(() -> Scrubber.builder().disableRules("no-such-rule")).hasMessageContaining("unknown rule id");
    }

    @Test
    void requiredLiteralDerivation() {
        assertThat(RequiredLiteral.derive("acme_[a-z0-9]{32}")).isEqualTo("acme_");
        assertThat(RequiredLiteral.derive("x?abcd+efg")).isEqualTo("abcd");
        assertThat(RequiredLiteral.derive("(?i)Secret-[0-9]{2,4}")).isEqualTo("secret-");
        assertThat(RequiredLiteral.derive("foo|bar")).isNull();
        assertThat(RequiredLiteral.derive("[a-z]{1234}")).isNull();
        assertThat(RequiredLiteral.derive("key\\.id=\\d+")).isEqualTo("key.id=");
    }

    @Test
    void enableOnlyAndDisable() {
        String pat = fakes.githubPat();
        String aws = fakes.awsAccessKeyId();
        String line = pat + " " + aws;
        Scrubber onlyGithub = Scrubber.builder().knownSecretsFromEnvironment(false).enableOnly("github-pat").build();
        assertThat(onlyGithub.scrub(line)).isEqualTo("[REDACTED:github-pat] " + aws);
        Scrubber noGithub = Scrubber.builder().knownSecretsFromEnvironment(false).disableRules("github-pat").build();
        assertThat(noGithub.scrub(line)).isEqualTo(pat + " [REDACTED:aws-access-key-id]");
        // Global known secrets registered by other tests in this JVM add the known-secret rule to every scrubber.
        assertThat(onlyGithub.ruleIds()).filteredOn(id -> !id.equals("known-secret")).containsExactly("github-pat");
    }

    @Test
    void listenerHearsRuleIdsAndItsFailurePropagates() {
        List<String> heard = new CopyOnWriteArrayList<>();
        Scrubber s = Scrubber.builder().knownSecretsFromEnvironment(false).listener(heard::add).build();
        s.scrub("a " + fakes.githubPat() + " b " + fakes.awsAccessKeyId());
        assertThat(heard).containsExactly("github-pat", "aws-access-key-id");
        Scrubber failing = Scrubber.builder().knownSecretsFromEnvironment(false).listener(id -> {
            throw new IllegalStateException("boom");
        }).build();
        assertThatThrownBy(() -> failing.scrub("x " + fakes.githubPat())).hasMessage("boom");
        assertThat(failing.scrub("clean")).isEqualTo("clean");
    }

    @Test
    void listenerMayReenterTheScrubber() {
        Scrubber[] holder = new Scrubber[1];
        List<String> inner = new ArrayList<>();
        holder[0] = Scrubber.builder().knownSecretsFromEnvironment(false)
                .listener(id -> inner.add(holder[0].scrub("nested " + id))).build();
        String out = holder[0].scrub("a " + fakes.githubPat() + " b " + fakes.awsAccessKeyId());
        assertThat(out).isEqualTo("a [REDACTED:github-pat] b [REDACTED:aws-access-key-id]");
        assertThat(inner).containsExactly("nested github-pat", "nested aws-access-key-id");
    }

    @Test
    void defaultsUsesAllBuiltInRules() {
        assertThat(Scrubber.defaults().ruleIds()).containsAll(FakeSecrets.ruleIds());
    }
}
