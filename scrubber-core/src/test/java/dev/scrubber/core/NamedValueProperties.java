package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * jqwik properties over the named-value mechanism: any printable-ASCII value under any spelling of any sensitive
 * name, in any syntax, is masked whole and the text around it is kept; scrubbing twice changes nothing more.
 * Seeded, so a failure reproduces.
 */
class NamedValueProperties {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private static final List<NamedValueCorpus.Syntax> SYNTAXES = NamedValueCorpus.syntaxes();

    @Provide
    Arbitrary<String> names() {
        List<String> all = new ArrayList<>();
        List<List<String>> bases = new ArrayList<>(NamedValueCorpus.PASSWORD_NAMES);
        bases.addAll(NamedValueCorpus.CREDENTIAL_NAMES);
        for (List<String> words : bases) {
            all.addAll(NamedValueCorpus.spellings(words));
        }
        return Arbitraries.of(all);
    }

    /** Random printable ASCII; jqwik's low-entropy edge cases ("! ! ! !") are not random values. */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(12).ofMaxLength(48)
                .filter(v -> !Placeholders.isPlaceholder(v, 0, v.length())
                        && Entropy.bitsPerChar(v, 0, v.length(), new int[128]) >= 3.0); // random, not "! ! ! !"
    }

    @Provide
    Arbitrary<Integer> syntaxes() {
        return Arbitraries.integers().between(0, SYNTAXES.size() - 1);
    }

    @Property(tries = 3000, seed = "20261201", shrinking = ShrinkingMode.OFF)
    void anyValueUnderAnyNameInAnySyntaxIsMaskedWhole(@ForAll("names") String name, @ForAll("values") String value,
            @ForAll("syntaxes") int syntaxIndex) {
        NamedValueCorpus.Syntax syntax = SYNTAXES.get(syntaxIndex);
        if (!syntax.nameOk().test(name) || !syntax.valueOk().test(value)) {
            return; // the syntax cannot carry this name or value unambiguously
        }
        String[] parts = syntax.writer().write(name, value);
        NamedValueCorpus.Case c = new NamedValueCorpus.Case(syntax.id(), name, value, parts[0] + parts[1] + parts[2],
                parts[0], parts[2]);
        String out = SCRUBBER.scrub(c.line());
        assertThat(NamedValueCorpusTest.problem(c, out)).as("%s%n in:  %s%n out: %s", c, c.line(), out).isNull();
        assertThat(SCRUBBER.scrub(out)).as("idempotent").isEqualTo(out);
    }
}
