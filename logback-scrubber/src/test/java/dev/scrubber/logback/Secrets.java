package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.FakeSecrets.Sample;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Assertions on written output: no piece of any logged fake secret survives. */
final class Secrets {
    private Secrets() {
    }

    static void assertNoneIn(String output, Collection<Sample> samples) {
        List<String> leaked = new ArrayList<>();
        for (Sample s : samples) {
            for (String piece : s.pieces()) {
                if (output.contains(piece)) {
                    leaked.add(s.ruleId());
                }
            }
        }
        assertThat(leaked).as("rules whose secret survived").isEmpty();
    }

    static void assertNoneIn(String output, String... secrets) {
        for (String secret : secrets) {
            assertThat(output).as("output holds a secret").doesNotContain(secret);
        }
    }

    /** One-line samples of all built-in rules. */
    static List<Sample> singleLineSamples(long seed) {
        return new FakeSecrets(seed).all().values().stream().filter(s -> !s.multiLine()).toList();
    }

    static List<Sample> allSamples(long seed) {
        return List.copyOf(new FakeSecrets(seed).all().values());
    }
}
