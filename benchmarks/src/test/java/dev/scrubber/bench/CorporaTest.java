package dev.scrubber.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.Finding;
import dev.scrubber.core.Scrubber;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The corpora measure what their names say: distinct, sized, clean where clean, secret where secret. */
class CorporaTest {
    private static final Scrubber ENGINE = Fixtures.scrubber("all");
    /** For the tests that scrub secrets: one that does not learn them, so that no test changes what another sees. */
    private static final Scrubber FORGETFUL = Scrubber.builder().knownSecretsFromEnvironment(false).learnSecrets(false)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"clean", "json", "stacktrace", "utf16", "one-secret", "secrets-1", "secrets-10",
        "adversarial"})
    void everyCorpusHasAThousandDistinctMessagesOfItsSize(String kind) {
        for (int size : new int[] {64, 1024}) {
            String[] messages = Corpora.messages(kind, size, 42);
            assertThat(messages).hasSizeGreaterThanOrEqualTo(1000);
            assertThat(new HashSet<>(Arrays.asList(messages))).hasSameSizeAs(messages);
            for (String m : messages) {
                assertThat(m.length()).as(kind).isBetween(size - 2, size + 4 * size);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"clean", "json", "stacktrace", "utf16"})
    void cleanCorporaComeBackAsTheSameInstance(String kind) {
        for (int size : new int[] {200, 16384}) {
            for (String m : Corpora.messages(kind, size, 42)) {
                assertThat(ENGINE.scrub(m)).as("%s message of %d chars was masked", kind, size).isSameAs(m);
            }
        }
    }

    @Test
    void theUtf16CorpusHasExactlyOneCharacterAboveLatin1() {
        for (String m : Corpora.messages("utf16", 200, 42)) {
            assertThat(m.chars().filter(c -> c > 0xFF).count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"one-secret", "secrets-1", "secrets-10"})
    void secretCorporaHoldTheirSecrets(String kind) {
        List<Corpora.Message> messages = Corpora.withInsertions(kind, 1024, 42);
        assertThat(messages.stream().map(Corpora.Message::text).toArray(String[]::new))
                .containsExactly(Corpora.messages(kind, 1024, 42));
        for (Corpora.Message m : messages) {
            String out = FORGETFUL.scrub(m.text());
            for (Corpora.Inserted secret : m.secrets()) {
                for (String piece : secret.sample().pieces()) {
                    assertThat(out).as("%s: %s survived", kind, secret.sample()).doesNotContain(piece);
                }
            }
            for (Finding f : ENGINE.find(m.text())) {
                assertThat(withinInsertedText(m, f)).as("%s: %s reaches past the inserted secrets into %s", kind, f,
                        m.text().substring(f.start(), f.end())).isTrue();
            }
        }
    }

    /** Scrubbing a scrubbed message changes nothing and finds nothing: no mask is, or completes, a new finding. */
    @ParameterizedTest
    @ValueSource(strings = {"one-secret", "secrets-1", "secrets-10"})
    void scrubbingTheSecretCorporaIsIdempotent(String kind) {
        for (String m : Corpora.messages(kind, 1024, 42)) {
            String once = FORGETFUL.scrub(m);
            assertThat(FORGETFUL.find(once)).as("%s: %s", kind, once).isEmpty();
            assertThat(FORGETFUL.scrub(once)).isEqualTo(once);
        }
    }

    /**
     * Whether the finding lies inside the texts of the inserted secrets (each holds its name or keyword), where
     * secrets inserted next to each other, with only blanks between, count as one text.
     */
    private static boolean withinInsertedText(Corpora.Message m, Finding f) {
        List<Corpora.Inserted> secrets = m.secrets();
        for (int i = 0; i < secrets.size(); i++) {
            int start = secrets.get(i).start();
            int end = secrets.get(i).end();
            while (i + 1 < secrets.size() && m.text().substring(end, secrets.get(i + 1).start()).isBlank()) {
                end = secrets.get(++i).end();
            }
            if (f.start() >= start && f.end() <= end) {
                return true;
            }
        }
        return false;
    }

    @Test
    void typicalRegexListsAreDistinctAndStable() {
        List<String> all = TypicalRegexes.first(200);
        assertThat(new HashSet<>(all)).hasSize(200);
        assertThat(TypicalRegexes.first(10)).isEqualTo(all.subList(0, 10));
        assertThat(TypicalRegexes.first(50)).isEqualTo(all.subList(0, 50));
    }
}
