package dev.scrubber.cli;

import dev.scrubber.core.BenignLogs;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the clean log file the CLI throughput in docs/cli-throughput.md is measured on:
 * {@code ThroughputFile <path> <megabytes>} writes BenignLogs lines (seed 2026) until the size is reached.
 */
public final class ThroughputFile {
    private ThroughputFile() {
    }

    public static void main(String[] args) throws IOException {
        BenignLogs logs = new BenignLogs(2026);
        long target = Long.parseLong(args[1]) * 1024 * 1024;
        long written = 0;
        try (Writer w = Files.newBufferedWriter(Path.of(args[0]))) {
            while (written < target) {
                String line = logs.line();
                w.write(line);
                w.write('\n');
                written += line.length() + 1;
            }
        }
    }
}
