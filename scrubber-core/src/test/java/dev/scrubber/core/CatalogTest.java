package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in rule: masked in every context a log line puts it in, and not fooled by near misses. */
class CatalogTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();

    /** Where secrets end up in logs. */
    private static final List<Context> CONTEXTS = List.of(
            new Context("plain", t -> "request failed: " + t + " (retrying in 2s)", true),
            new Context("json", t -> "{\"level\":\"ERROR\",\"message\":\"" + jsonEscape(t) + "\",\"n\":1}", true),
            new Context("key-value", t -> "config loaded value=" + t + " region=eu-west-1", false),
            new Context("url", t -> "GET https://api.example.com/v1/items?q=" + t + "&page=2 took 31ms", false),
            new Context("header", t -> "headers={X-Request-Id=42, X-Custom=" + t + "}", false),
            new Context("exception", t -> "java.lang.IllegalStateException: upstream rejected " + t
                    + "\n\tat com.example.Client.call(Client.java:42)", true),
            new Context("quoted", t -> "value '" + t + "' rejected", false));

    record Context(String name, UnaryOperator<String> wrap, boolean multiLine) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rulesInContexts() {
        FakeSecrets fakes = new FakeSecrets(42);
        return FakeSecrets.ruleIds().stream().flatMap(id -> CONTEXTS.stream()
                .map(c -> Arguments.of(id, c, fakes.sample(id))));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("rulesInContexts")
    void everyRuleIsMaskedInEveryContext(String id, Context context, FakeSecrets.Sample sample) {
        if (sample.multiLine() && !context.multiLine()) {
            return; // a multi-line key inside a URL is not a shape logs produce
        }
        String line = context.wrap().apply(sample.text());
        String scrubbed = SCRUBBER.scrub(line);

        for (String piece : sample.pieces()) {
            assertThat(scrubbed).doesNotContain(piece).doesNotContain(jsonEscape(piece));
        }
        assertThat(scrubbed).contains("[REDACTED:");
        assertThat(SCRUBBER.scrub(scrubbed)).as("idempotent").isEqualTo(scrubbed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void eachRuleFindsItsOwnSample(String id) {
        FakeSecrets.Sample sample = new FakeSecrets(7).sample(id);
        List<Finding> findings = SCRUBBER.find("x " + sample.text() + " y");
        assertThat(findings).extracting(Finding::ruleId).contains(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void nearMissesAreNotThatRule(String id) {
        FakeSecrets.Sample sample = new FakeSecrets(11).sample(id);
        Rule rule = Catalog.rules().stream().filter(r -> r.id.equals(id)).findFirst().orElseThrow();
        for (String nearMiss : nearMisses(rule, sample)) {
            assertThat(SCRUBBER.find(nearMiss)).extracting(Finding::ruleId).as(nearMiss.length() + " chars")
                    .doesNotContain(id);
        }
    }

    static Stream<String> ruleIds() {
        return FakeSecrets.ruleIds().stream();
    }

    /** Variants that must not match: glued into a longer run, cut short, wrong checksum, keyword removed. */
    private static List<String> nearMisses(Rule rule, FakeSecrets.Sample sample) {
        String text = sample.text();
        if (rule.verifier instanceof TokenVerifier t) {
            int prefix = rule.publicPrefixLength(text, 0);
            String cutShort = text.substring(0, Math.min(text.length() - 1, prefix + 3));
            String glued = "Zz9" + text;
            List<String> out = new java.util.ArrayList<>(List.of("id " + glued + " end", "id " + cutShort + " end"));
            if (t.shape.checksum != null) {
                char last = text.charAt(text.length() - 1);
                out.add(text.substring(0, text.length() - 1) + (last == 'a' ? 'b' : 'a'));
            }
            return out;
        }
        if (rule.verifier instanceof NearbyTokenVerifier || rule.verifier instanceof KeywordValueVerifier) {
            String keyword = rule.anchors.get(0).literal();
            String withoutKeyword = "unrelated_field" + text.substring(keyword.length());
            return List.of(withoutKeyword.replaceFirst("^unrelated_field=?", "unrelated_field="));
        }
        return switch (rule.id) {
            case "uri-password" -> List.of("postgres://app_user@db.internal.example:5432/orders",
                    "https://example.com:8443/path");
            case "private-key" -> List.of("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                    "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----");
            case "kubernetes-secret", "kubernetes-secret-string-data" -> List.of("{\"kind\":\"ConfigMap\",\"data\":{\"mode\":\"c3RyaWN0\"}}",
                    "kind: " + "Secret was rotated; data: unchanged");
            default -> List.of("PuTTY-User-Key-File format described in the manual");
        };
    }

    @Test
    void catalogHasAtLeastHundredRulesWithUniqueKebabIds() {
        List<RuleInfo> rules = Scrubber.builtInRules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(100);
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : rules) {
            assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(ids.add(r.id())).as("unique " + r.id()).isTrue();
            assertThat(r.description()).isNotBlank();
            assertThat(r.validation()).isNotBlank();
        }
    }

    @Test
    void everyAnchorIsImpliedByItsSamples() {
        // The prefilter can never skip a rule: each sample contains one of its rule's anchors.
        FakeSecrets fakes = new FakeSecrets(3);
        for (Rule rule : Catalog.rules()) {
            String text = fakes.sample(rule.id).text();
            assertThat(rule.anchors).as(rule.id).anySatisfy(a -> assertThat(
                    a.ignoreCase() ? text.toLowerCase(java.util.Locale.ROOT) : text).contains(a.literal()));
        }
    }

    static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
    }
}
