package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets split over consecutive texts of one stream, as wire loggers write them. */
class ContinuationsTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private static final String WIRE = "org.apache.hc.client5.http.wire";
    private final FakeSecrets fakes = new FakeSecrets(12);

    /** Every built-in token rule recognised by a literal prefix. */
    static Stream<String> prefixedTokenRules() {
        return Catalog.rules().stream()
                .filter(r -> r.verifier instanceof TokenVerifier t && t.anchorOffset == 0 && !t.shape.prefixes.isEmpty())
                .map(r -> r.id);
    }

    @ParameterizedTest
    @MethodSource("prefixedTokenRules")
    void aTokenSplitAnywhereOverTwoWireChunksNeverSurvives(String ruleId) {
        for (long seed = 0; seed < 3; seed++) {
            // The token as logged: for a rule that masks only after its prefix the secret is the body, the text
            // holds the prefix too (the body after the prefix is what must not survive).
            String key = new FakeSecrets(seed).sample(ruleId).text();
            for (int cut = 1; cut < key.length(); cut++) {
                List<String> chunks = List.of(key.substring(0, cut), key.substring(cut));
                assertNoneSurvives(ruleId + " cut at " + cut, key, chunks);
            }
        }
    }

    @Test
    void theFastLookAtATextsEndFindsWhatTheExhaustiveOneFinds() {
        // Tokens of every prefixed rule cut anywhere, words, and prefixes followed by arbitrary characters, after
        // characters that matter to the look: identifiers, separators, and characters above U+00FF whose low byte
        // is ASCII (the fast look reads the scan's byte copy).
        java.util.Random random = new java.util.Random(5);
        List<String> rules = prefixedTokenRules().toList();
        String before = "ab_9 -.:/=\"\u0141\u0173\u012d\u0120\u0122\t";
        String body = "abcXYZ0189_-+/=.";
        int masked = 0;
        for (int n = 0; n < 3000; n++) {
            boolean wire = random.nextBoolean();
            StringBuilder first = new StringBuilder(wire ? "http-outgoing-0 << \"" : "GET /v1 took 12 ms ");
            for (int i = random.nextInt(3); i > 0; i--) {
                first.append(before.charAt(random.nextInt(before.length())));
            }
            StringBuilder second = new StringBuilder(wire ? "http-outgoing-0 << \"" : "");
            String key = new FakeSecrets(n).sample(rules.get(random.nextInt(rules.size()))).text();
            int cut = 1 + random.nextInt(key.length() - 1);
            switch (random.nextInt(4)) {
                case 0 -> first.append("completed");
                case 1 -> {
                    first.append(key, 0, cut);
                    for (int i = 1 + random.nextInt(40); i > 0; i--) {
                        second.append(body.charAt(random.nextInt(body.length())));
                    }
                }
                default -> {
                    first.append(key, 0, cut);
                    second.append(key, cut, key.length());
                }
            }
            if (wire) {
                first.append('"');
                second.append('"');
            }
            List<String> fast = scrubPair(first.toString(), second.toString(), false);
            List<String> exhaustive = scrubPair(first.toString(), second.toString(), true);
            assertThat(fast).as("%s | %s", first, second).isEqualTo(exhaustive);
            masked += fast.get(1).equals(second.toString()) ? 0 : 1;
        }
        assertThat(masked).as("second texts masked as continuations").isGreaterThan(600);
    }

    private static List<String> scrubPair(String first, String second, boolean exhaustive) {
        Continuations.exhaustiveEdges = exhaustive;
        try {
            Continuations c = Continuations.of(SCRUBBER);
            return List.of(c.scrub(WIRE, "t", first), c.scrub(WIRE, "t", second));
        } finally {
            Continuations.exhaustiveEdges = false;
        }
    }

    @Test
    void theLlmKeysSplitIntoThreeAndManyChunksNeverSurvive() {
        for (String key : List.of(fakes.openAiProjectKey(), fakes.anthropicApiKey(), fakes.sample("openai-legacy-key").secret(),
                fakes.githubPat())) {
            for (int a = 1; a < key.length() - 1; a += 3) {
                for (int b = a + 1; b < key.length(); b += 11) {
                    assertNoneSurvives("3 chunks " + a + "/" + b, key,
                            List.of(key.substring(0, a), key.substring(a, b), key.substring(b)));
                }
            }
            for (int size = 1; size <= 17; size++) {
                List<String> chunks = new ArrayList<>();
                for (int i = 0; i < key.length(); i += size) {
                    chunks.add(key.substring(i, Math.min(key.length(), i + size)));
                }
                assertNoneSurvives(size + " chars per chunk", key, chunks);
            }
        }
    }

    @Test
    void aTokenCutByChunkedEncodingFramingNeverSurvives() {
        String key = fakes.openAiProjectKey();
        for (int cut = 1; cut < key.length(); cut += 4) {
            Continuations c = Continuations.of(SCRUBBER);
            StringBuilder visible = new StringBuilder();
            visible.append(payload(c.scrub(WIRE, "io", wire("{\"message\":\"key " + key.substring(0, cut) + "[\\r][\\n]"))));
            String size = wire("7c[\\r][\\n]");
            assertThat(c.scrub(WIRE, "io", size)).isSameAs(size);
            visible.append(payload(c.scrub(WIRE, "io", wire(key.substring(cut) + "\"}[\\r][\\n]"))));
            assertNothingOfTheBody(visible.toString(), key, "sk-proj-".length(), "cut at " + cut);
        }
    }

    @Test
    void aLineBreakEndsTheRunUnlessAChunkSizeLineFollows() {
        Continuations c = Continuations.of(SCRUBBER);
        c.scrub(WIRE, "io", wire("using sk-proj-[\\r][\\n]"));
        String next = wire("Content-Type: application/json[\\r][\\n]");
        assertThat(c.scrub(WIRE, "io", next)).isSameAs(next);
        c.scrub(WIRE, "io", wire("key sk-proj-[\\r][\\n]"));
        String last = wire("0[\\r][\\n]");
        assertThat(c.scrub(WIRE, "io", last)).isSameAs(last);
        String after = wire("HTTP/1.1 200 OK[\\r][\\n]");
        assertThat(c.scrub(WIRE, "io", after)).isSameAs(after);
    }

    @Test
    void interleavedStreamsKeepTheirOwnRunsAndOthersAreUntouched() {
        Continuations c = Continuations.of(SCRUBBER);
        String key = fakes.openAiProjectKey();
        String other = "http-outgoing-3 << \"Content-Type: application/json[\\r][\\n]\"";
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < key.length(); i += 5) {
            String chunk = wire(key.substring(i, Math.min(key.length(), i + 5)));
            visible.add(payload(c.scrub(WIRE, "worker-1", chunk)));
            // Another thread on the same logger, and another logger on this thread, in between.
            assertThat(c.scrub(WIRE, "worker-2", other)).isSameAs(other);
            String plain = "GET /v1/models took 12 ms";
            assertThat(c.scrub("com.example.Service", "worker-1", plain)).isSameAs(plain);
        }
        assertNothingOfTheBody(String.join("", visible), key, "sk-proj-".length());
    }

    @Test
    void aTailCarryingTheOpenAiMarkerIsMaskedWithoutItsStart() {
        String key = fakes.openAiProjectKey();
        int marker = key.indexOf("T3BlbkFJ");
        String tail = key.substring(marker - 10);
        String text = wire(tail + "\",\"type\":\"invalid_request_error\"}");
        String out = Continuations.of(SCRUBBER).scrub(WIRE, "t", text);
        assertThat(out).doesNotContain(tail.substring(0, 12)).doesNotContain(tail.substring(tail.length() - 12))
                .contains("invalid_request_error");
    }

    @Test
    void anAnthropicTailEndingInAaIsMaskedWhenLongEnough() {
        String key = fakes.anthropicApiKey();
        String tail = key.substring(key.length() - 40);
        String out = Continuations.of(SCRUBBER).scrub("app", null, tail + " was rejected");
        assertThat(out).doesNotContain(tail.substring(0, 20)).endsWith(" was rejected");
    }

    @Test
    void ordinaryLogLinesOnOneStreamComeOutUnchanged() {
        Continuations c = Continuations.of(SCRUBBER);
        for (String line : new BenignLogs(3).lines(3000)) {
            assertThat(c.scrub("com.example.App", "main", line)).as(line).isSameAs(line);
        }
        List<String> wire = List.of("HTTP/1.1 200 OK[\\r][\\n]", "Content-Type: application/json[\\r][\\n]",
                "Transfer-Encoding: chunked[\\r][\\n]", "[\\r][\\n]", "{\"id\":\"chatcmpl-123\",\"object\":\"chat.",
                "completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assis",
                "tant\",\"content\":\"Hello! How can I help?\"}}]}");
        for (String chunk : wire) {
            String text = wire(chunk);
            assertThat(c.scrub(WIRE, "io-1", text)).isSameAs(text);
        }
    }

    @Test
    void aRunOpensOnlyForItsOwnStreamAndIsUsedOnce() {
        Continuations c = Continuations.of(SCRUBBER);
        String key = fakes.anthropicApiKey();
        String first = wire(key.substring(0, 30));
        String rest = wire(key.substring(30));
        c.scrub(WIRE, "a", first);
        // The same rest on another stream has no start to continue (the tail alone is too short to be sure).
        String shortTail = wire(key.substring(key.length() - 20));
        assertThat(c.scrub(WIRE, "b", shortTail)).isSameAs(shortTail);
        assertThat(c.scrub(WIRE, "a", rest)).doesNotContain(key.substring(30, 50));
        // Used: the same text again is no continuation any more.
        String again = wire("plain text");
        assertThat(c.scrub(WIRE, "a", again)).isSameAs(again);
    }

    @Test
    void streamPrefixesLimitTheStage() {
        Continuations c = Continuations.of(SCRUBBER, List.of("org.apache.hc"));
        assertThat(c.appliesTo(WIRE)).isTrue();
        assertThat(c.appliesTo("com.example")).isFalse();
        assertThat(Continuations.of(SCRUBBER, List.of()).appliesTo(WIRE)).isFalse();
        String key = fakes.openAiProjectKey();
        c.scrub("com.example", "t", "key " + key.substring(0, 20));
        String rest = key.substring(20) + " next"; // the body runs 40 to 250 characters: take all that follows the cut
        assertThat(c.scrub("com.example", "t", rest)).isSameAs(rest);
    }

    @Test
    void inPlaceAgreesWithTheStringForm() {
        String key = fakes.openAiProjectKey();
        Continuations strings = Continuations.of(SCRUBBER);
        Continuations buffers = Continuations.of(SCRUBBER);
        for (int i = 0; i < key.length(); i += 9) {
            String chunk = wire(key.substring(i, Math.min(key.length(), i + 9)));
            StringBuilder sb = new StringBuilder("prefix|").append(chunk);
            buffers.scrub(WIRE, "t", sb, 7, sb.length());
            assertThat(sb.substring(7)).isEqualTo(strings.scrub(WIRE, "t", chunk));
        }
    }

    @Test
    void contextWindowCoversTheLongestRuleAndItsKeywordDistance() {
        assertThat(Continuations.of(SCRUBBER).contextWindow()).isGreaterThanOrEqualTo(4096 + 8192);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String wire(String payload) {
        return "http-outgoing-0 << \"" + payload + "\"";
    }

    private static String payload(String wireText) {
        int start = wireText.indexOf("<< \"") + 4;
        return wireText.substring(start, wireText.length() - 1);
    }

    private static int prefixLength(String key) {
        int best = 0;
        for (Rule r : Catalog.rules()) {
            if (r.verifier instanceof TokenVerifier t) {
                for (String p : t.shape.prefixes) {
                    if (key.startsWith(p)) {
                        best = Math.max(best, p.length());
                    }
                }
            }
        }
        return best;
    }

    /** Scrubs the chunks as consecutive wire events and checks that no five body characters are visible. */
    private static void assertNoneSurvives(String what, String key, List<String> chunks) {
        Continuations c = Continuations.of(SCRUBBER);
        StringBuilder visible = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            String text = wire((i == 0 ? "{\"error\":\"Incorrect API key provided: " : "") + chunks.get(i)
                    + (i == chunks.size() - 1 ? "\",\"code\":401}" : ""));
            visible.append(payload(c.scrub(WIRE, "io-1", text))).append('|');
        }
        assertNothingOfTheBody(visible.toString().replace("|", ""), key, prefixLength(key), what);
    }

    private static void assertNothingOfTheBody(String visible, String key, int prefixLength) {
        assertNothingOfTheBody(visible, key, prefixLength, "");
    }

    private static void assertNothingOfTheBody(String visible, String key, int prefixLength, String what) {
        for (int i = prefixLength; i + 5 <= key.length(); i++) {
            assertThat(visible).as(what + ": body characters at " + i).doesNotContain(key.substring(i, i + 5));
        }
    }
}
