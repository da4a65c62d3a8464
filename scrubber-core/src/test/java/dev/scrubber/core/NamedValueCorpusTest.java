package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated corpus ({@link NamedValueCorpus}): every sensitive name, spelled every way, in every syntax, with
 * random values over all printable ASCII. Every value must be masked whole (no 6-character piece of it, raw or as
 * written, survives) and the text around it must come back unchanged.
 */
class NamedValueCorpusTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();

    @Test
    void passwordNamesInEverySyntaxAreMaskedWhole() {
        assertMaskedWhole(new NamedValueCorpus(101).cases(NamedValueCorpus.PASSWORD_NAMES, 8, 40, 2));
    }

    @Test
    void credentialNamesInEverySyntaxAreMaskedWhole() {
        assertMaskedWhole(new NamedValueCorpus(202).cases(NamedValueCorpus.CREDENTIAL_NAMES, 12, 40, 1));
    }

    @Test
    void bareWeakNamesWithRandomValuesAreMaskedWhole() {
        assertMaskedWhole(new NamedValueCorpus(303).cases(NamedValueCorpus.WEAK_NAMES, 16, 40, 3));
    }

    static void assertMaskedWhole(List<NamedValueCorpus.Case> cases) {
        assertThat(cases).hasSizeGreaterThan(300);
        Map<String, Integer> failuresBySyntax = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        for (NamedValueCorpus.Case c : cases) {
            String out = SCRUBBER.scrub(c.line());
            String problem = problem(c, out);
            if (problem != null) {
                failuresBySyntax.merge(c.syntax(), 1, Integer::sum);
                if (failuresBySyntax.get(c.syntax()) == 1 && examples.size() < 40) {
                    examples.add(c + ": " + problem + "\n    in:  " + c.line() + "\n    out: " + out);
                }
            }
        }
        assertThat(failuresBySyntax).as("failures of %d cases by syntax; first ones:%n%s", cases.size(),
                String.join("\n", examples)).isEmpty();
    }

    /** Why the scrubbed line fails the case, or null. */
    static String problem(NamedValueCorpus.Case c, String out) {
        if (!out.startsWith(c.before())) {
            return "text before the value changed";
        }
        if (!out.endsWith(c.after())) {
            return "text after the value changed";
        }
        String masked = out.substring(c.before().length(), out.length() - c.after().length());
        String written = c.line().substring(c.before().length(), c.line().length() - c.after().length());
        for (String form : List.of(c.value(), written)) {
            for (int i = 0; i + 6 <= form.length(); i++) {
                if (masked.contains(form.substring(i, i + 6))) {
                    return "a piece of the value survived";
                }
            }
        }
        return masked.contains("[REDACTED") ? null : "not masked";
    }
}
