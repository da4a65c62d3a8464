package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pair-frequency table the prefilter places its triggers with is data measured here, never edited by hand.
 * Regenerate with {@code mvn -pl scrubber-core test -Dtest=CommonPairsTest -Dscrubber.writePairs=true}.
 */
class CommonPairsTest {
    /** The commonest English letter pairs, most common first: real log lines carry prose that the corpus lacks. */
    private static final String ENGLISH = "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as"
            + " ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns ge ly ei os no pe do su"
            + " pa ec ac ot di ol tr sh us ut wh ct ad il mo em pr ss ie we ow un ke ag ap fo ex ey";

    @Test
    void pairTableIsTheMeasuredOne() throws IOException {
        Path file = SelfScanTest.repositoryRoot()
                .resolve("scrubber-core/src/main/resources/dev/scrubber/core/common-pairs.txt");
        String expected = measure();
        if (Boolean.getBoolean("scrubber.writePairs")) {
            Files.writeString(file, expected, StandardCharsets.ISO_8859_1);
        }
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                .as("common-pairs.txt is stale; regenerate with -Dscrubber.writePairs=true").isEqualTo(expected);
    }

    static String measure() {
        String corpus = String.join("\n", new BenignLogs(1).lines(40000)).toLowerCase(Locale.ROOT);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < corpus.length(); i++) {
            char x = corpus.charAt(i);
            char y = corpus.charAt(i + 1);
            if (x >= 32 && y >= 32 && x <= 126 && y <= 126) {
                counts.merge("" + x + y, 1, Integer::sum);
            }
        }
        int top = Collections.max(counts.values());
        String[] english = ENGLISH.split(" ");
        for (int i = 0; i < english.length; i++) {
            counts.merge(english[i], top - i * (top / 200), Integer::sum);
        }
        List<String> pairs = new ArrayList<>(counts.keySet());
        pairs.sort((p, q) -> counts.get(q) - counts.get(p) != 0 ? counts.get(q) - counts.get(p) : p.compareTo(q));
        StringBuilder sb = new StringBuilder();
        for (String pair : pairs) {
            if (counts.get(pair) < corpus.length() / 100_000) {
                break;
            }
            sb.append(pair);
        }
        return sb.toString();
    }
}
