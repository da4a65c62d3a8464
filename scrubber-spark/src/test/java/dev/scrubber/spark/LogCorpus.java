package dev.scrubber.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.BenignLogs;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.Finding;
import dev.scrubber.core.Scrubber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generated log text for the tests: benign lines from the core's {@link BenignLogs} and every built-in rule's fake
 * secret from {@link FakeSecrets} (multi-line private keys included), each a {@link Record} that knows which
 * secret it holds. The expected findings are what {@link Scrubber#find} reports on each record directly.
 */
final class LogCorpus {
    /** One logical log record: a benign line, or a line (or key block) holding {@code secret}. */
    record Record(String text, FakeSecrets.Sample secret) {
        boolean benign() {
            return secret == null;
        }

        int lineCount() {
            return text.split("\n", -1).length;
        }
    }

    private final FakeSecrets fakes;
    private final Random random;
    private final List<String> benign = new ArrayList<>();
    private final Scrubber scrubber = Scrubber.defaults();

    LogCorpus(long seed) {
        fakes = new FakeSecrets(seed);
        random = new Random(seed);
        for (String line : new BenignLogs(seed).lines(400)) {
            for (String physical : line.split("\n")) {
                if (!physical.isEmpty() && scrubber.find(physical).isEmpty()) {
                    benign.add(physical);
                }
            }
        }
        assertThat(benign).hasSizeGreaterThan(300);
    }

    /** {@code benignCount} benign records with one record for each built-in rule mixed in (if {@code secrets}). */
    List<Record> records(int benignCount, boolean secrets) {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < benignCount; i++) {
            out.add(new Record(benign.get(random.nextInt(benign.size())), null));
        }
        if (secrets) {
            for (FakeSecrets.Sample s : fakes.all().values()) {
                String prefix = "2026-11-30T08:15:" + (10 + random.nextInt(50)) + "Z ERROR c.e.llm.Client - ";
                out.add(random.nextInt(out.size() + 1), new Record(prefix + s.text(), s));
            }
        }
        return out;
    }

    /** The file content of {@code records}, one per line, each line ended by {@code eol}. */
    static String join(List<Record> records, String eol) {
        StringBuilder sb = new StringBuilder();
        for (Record r : records) {
            sb.append(r.text().replace("\n", eol)).append(eol);
        }
        return sb.toString();
    }

    /** Findings per rule of {@link Scrubber#find} run on each record. */
    Map<String, Long> expectedPerRule(List<Record> records) {
        Map<String, Long> out = new TreeMap<>();
        for (Record r : records) {
            for (Finding f : scrubber.find(r.text())) {
                out.merge(f.ruleId(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** A fake secret of one rule, for tests that need a specific one. */
    FakeSecrets.Sample sample(String ruleId) {
        return fakes.sample(ruleId);
    }

    String benignLine() {
        return benign.get(random.nextInt(benign.size()));
    }
}
