package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

/**
 * Scrubbed text holds nothing to find: for every built-in rule's fake secret, alone or several at once, inserted
 * into realistic log lines (hex ids, UUIDs, digests and JSON next to them), in every mask style,
 * {@code find(scrub(x))} is empty and {@code scrub(scrub(x))} is {@code scrub(x)}. A mask must never be, or
 * complete, a new finding: not as a value, not as the keyword a rule needs (rule ids in masks name keywords), not
 * as the context that lets a rule take the next token of the line.
 */
class IdempotenceProperties {
    private static final Map<MaskStyle, Scrubber> SCRUBBERS = new EnumMap<>(MaskStyle.class);
    private static final List<String> RULES = FakeSecrets.ruleIds();

    static {
        for (MaskStyle style : MaskStyle.values()) {
            SCRUBBERS.put(style, Scrubber.builder().knownSecretsFromEnvironment(false).learnSecrets(false)
                    .maskStyle(style).build());
        }
    }

    @Example
    void everyRulesSecretBetweenLogLinesScrubsToAFixedPoint() {
        BenignLogs logs = new BenignLogs(11);
        FakeSecrets fakes = new FakeSecrets(12);
        for (String rule : RULES) {
            for (MaskStyle style : MaskStyle.values()) {
                for (int k = 0; k < 4; k++) {
                    FakeSecrets.Sample sample = fakes.sample(rule);
                    String text = oneLine(logs.line()) + " " + sample.text() + (k % 2 == 0 ? " " : "  ")
                            + oneLine(logs.line());
                    assertFixedPoint(SCRUBBERS.get(style), text, List.of(sample));
                }
            }
        }
    }

    @Property(tries = 600, seed = "20261202", shrinking = ShrinkingMode.OFF)
    void secretsInsertedIntoLogTextScrubToAFixedPoint(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int count,
            @ForAll MaskStyle style) {
        Random random = new Random(seed);
        FakeSecrets fakes = new FakeSecrets(random.nextLong()); // not the seed of the log lines: the same random
        BenignLogs logs = new BenignLogs(random.nextLong());   // digits would make a commit id hold a secret
        List<FakeSecrets.Sample> samples = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String line = oneLine(logs.line());
            int at = line.indexOf(' ', random.nextInt(line.length()));
            FakeSecrets.Sample sample = fakes.sample(RULES.get(random.nextInt(RULES.size())));
            samples.add(sample);
            text.append(line, 0, at < 0 ? line.length() : at).append(' ').append(sample.text()).append(' ')
                    .append(at < 0 ? "" : line.substring(at + 1)).append(random.nextBoolean() ? " " : "\n");
        }
        assertFixedPoint(SCRUBBERS.get(style), text.toString(), samples);
    }

    private static void assertFixedPoint(Scrubber scrubber, String text, List<FakeSecrets.Sample> samples) {
        String once = scrubber.scrub(text);
        for (FakeSecrets.Sample sample : samples) {
            for (String piece : sample.pieces()) {
                assertThat(once).as("%s survived", sample).doesNotContain(piece);
            }
        }
        assertThat(scrubber.find(once)).as("found again in: %s", once).isEmpty();
        assertThat(scrubber.scrub(once)).isEqualTo(once);
    }

    private static String oneLine(String line) {
        return line.replace('\n', ' ').replace('\t', ' ');
    }
}
