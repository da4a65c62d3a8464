package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Coverage-guided fuzzing of the engine with Jazzer. In a normal build the regression inputs under
 * {@code src/test/resources/dev/scrubber/core/ScrubberFuzzTestInputs} run as plain tests; to fuzz, run
 * {@code JAZZER_FUZZ=1 mvn -pl scrubber-core test -Dtest=ScrubberFuzzTest}.
 */
class ScrubberFuzzTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private static final List<String> RULES = FakeSecrets.ruleIds();

    /** Arbitrary text around a planted secret: nothing throws, and the secret never survives. */
    @FuzzTest(maxDuration = "30s")
    void plantedSecretNeverSurvives(FuzzedDataProvider data) {
        String ruleId = RULES.get(data.consumeInt(0, RULES.size() - 1));
        FakeSecrets.Sample sample = new FakeSecrets(data.consumeLong()).sample(ruleId);
        String before = data.consumeString(200);
        String after = data.consumeRemainingAsString();
        String text = before + " " + sample.text() + " " + after;

        String out = SCRUBBER.scrub(text);
        for (String piece : sample.pieces()) {
            assertThat(out).doesNotContain(piece);
        }
        assertThat(SCRUBBER.scrub(out)).isEqualTo(out);
        StringBuilder buffer = new StringBuilder(text);
        SCRUBBER.scrub(buffer, 0, buffer.length());
        assertThat(buffer.toString()).isEqualTo(out);
    }

    /** Arbitrary text alone: no exception, findings inside the text and ordered, idempotent. */
    @FuzzTest(maxDuration = "30s")
    void arbitraryTextNeverBreaksTheEngine(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<Finding> findings = SCRUBBER.find(text);
        int last = 0;
        for (Finding f : findings) {
            assertThat(f.start()).isGreaterThanOrEqualTo(last);
            assertThat(f.end()).isGreaterThan(f.start()).isLessThanOrEqualTo(text.length());
            last = f.end();
        }
        String once = SCRUBBER.scrub(text);
        assertThat(SCRUBBER.scrub(once)).isEqualTo(once);
    }
}
