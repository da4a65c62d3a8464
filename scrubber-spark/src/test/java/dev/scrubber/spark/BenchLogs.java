package dev.scrubber.spark;

import dev.scrubber.core.BenignLogs;
import dev.scrubber.core.FakeSecrets;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the log archive that {@code bench.sh} times the CLI and {@code ScrubLogs} on:
 * {@code BenchLogs DIR MEGABYTES FILES} writes FILES plain files of BenignLogs lines (seed 2026) with one fake
 * secret of a random built-in rule every 5,000 lines, MEGABYTES in all.
 */
public final class BenchLogs {
    private BenchLogs() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long perFile = Long.parseLong(args[1]) * 1024 * 1024 / Integer.parseInt(args[2]);
        BenignLogs logs = new BenignLogs(2026);
        FakeSecrets fakes = new FakeSecrets(2026);
        List<String> rules = FakeSecrets.ruleIds();
        Files.createDirectories(dir);
        long n = 0;
        for (int f = 0; f < Integer.parseInt(args[2]); f++) {
            long written = 0;
            try (Writer w = Files.newBufferedWriter(dir.resolve(String.format("export-%03d.log", f)))) {
                while (written < perFile) {
                    String line = ++n % 5000 == 0
                            ? "2026-11-30T08:15:00Z ERROR c.e.Client - " + fakes.sample(rules.get((int) (n / 5000) % rules.size())).text()
                            : logs.line();
                    w.write(line);
                    w.write('\n');
                    written += line.length() + 1;
                }
            }
        }
    }
}
