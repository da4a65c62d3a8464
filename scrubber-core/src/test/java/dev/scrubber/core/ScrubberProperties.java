package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties over generated input: every secret masked wherever it sits, idempotence, benign text untouched. */
class ScrubberProperties {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();

    /** Words a log line is made of, ASCII and not: none of them is glued to the secret. */
    @Provide
    Arbitrary<String> words() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> unicode = Arbitraries.of("ключ", "鍵", "clé", "\uD83D\uDD11", "schlüssel", "μ", "—");
        Arbitrary<String> numbers = Arbitraries.integers().between(0, 1_000_000).map(String::valueOf);
        Arbitrary<String> word = Arbitraries.oneOf(ascii, unicode, numbers);
        return word.list().ofMinSize(0).ofMaxSize(8).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> wrappers() {
        return Arbitraries.of("plain", "json", "quoted", "url", "kv", "parens");
    }

    @Property(tries = 400)
    void anyBuiltInSecretAnywhereIsMasked(@ForAll("ruleIds") String ruleId, @ForAll long seed,
            @ForAll("words") String before, @ForAll("words") String after, @ForAll("wrappers") String wrapper) {
        FakeSecrets.Sample sample = new FakeSecrets(seed).sample(ruleId);
        String wrapped = wrap(wrapper, sample);
        String line = before + " " + wrapped + " " + after;
        String out = SCRUBBER.scrub(line);
        for (String piece : sample.pieces()) {
            assertThat(out).doesNotContain(piece).doesNotContain(CatalogTest.jsonEscape(piece));
        }
        assertThat(SCRUBBER.scrub(out)).isEqualTo(out);
    }

    private static String wrap(String wrapper, FakeSecrets.Sample sample) {
        String t = sample.text();
        if (sample.multiLine() && !wrapper.equals("json")) {
            return t;
        }
        return switch (wrapper) {
            case "json" -> "{\"msg\":\"" + CatalogTest.jsonEscape(t) + "\"}";
            case "quoted" -> "'" + t + "'";
            case "url" -> "https://svc.example.com/x?q=" + t + "&n=1";
            case "kv" -> "cfg=" + t + ";";
            case "parens" -> "(" + t + ")";
            default -> t;
        };
    }

    @Provide
    Arbitrary<String> ruleIds() {
        return Arbitraries.of(FakeSecrets.ruleIds());
    }

    @Property(tries = 500)
    void scrubbingIsIdempotent(@ForAll String any, @ForAll("ruleIds") String ruleId, @ForAll long seed) {
        String mixed = any + " " + new FakeSecrets(seed).sample(ruleId).text() + " " + any;
        String once = SCRUBBER.scrub(mixed);
        assertThat(SCRUBBER.scrub(once)).isEqualTo(once);
        assertThat(SCRUBBER.scrub(SCRUBBER.scrub(any))).isEqualTo(SCRUBBER.scrub(any));
    }

    @Provide
    Arbitrary<String> benignText() {
        Arbitrary<String> uuid = Arbitraries.randomValue(r -> new java.util.UUID(r.nextLong(), r.nextLong()).toString());
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(40);
        Arbitrary<String> sha = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(h -> "sha256:" + h);
        Arbitrary<String> number = Arbitraries.longs().map(String::valueOf);
        Arbitrary<String> word = Arbitraries.of("order", "token count", "retrieval", "embedding", "task-runner",
                "risk-level", "disk-space", "completed", "ms", "user", "latency", "HTTP/1.1", "GET", "200");
        Arbitrary<String> path = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l) + ".json");
        Arbitrary<String> className = Arbitraries.of("com.example.OrderService", "org.acme.llm.ChatClient$Retry",
                "io.netty.util.concurrent.SingleThreadEventExecutor");
        Arbitrary<String> part = Arbitraries.oneOf(uuid, hex, sha, number, word, path, className);
        Arbitrary<String> separator = Arbitraries.of(" ", ", ", " | ", "\n", "\t", " - ", "=", ": ");
        return Combinators.combine(part.list().ofMinSize(1).ofMaxSize(20), separator.list().ofSize(20))
                .as(ScrubberProperties::join);
    }

    private static String join(List<String> parts, List<String> separators) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(separators.get(i));
            }
            sb.append(parts.get(i));
        }
        return sb.toString();
    }

    @Property(tries = 1000)
    void benignTextIsUnchanged(@ForAll("benignText") String text) {
        assertThat(SCRUBBER.scrub(text)).isSameAs(text);
    }
}
