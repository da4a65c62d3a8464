package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CliStreams streams(boolean terminal) {
        return new CliStreams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
    }

    @Test
    void drawsABarOnATerminalForALongInput() {
        Progress p = Progress.of(streams(true), false, "big.log", 4 * Progress.MIN_SIZE, () -> Progress.MIN_SIZE);
        p.draw(System.nanoTime());
        p.finish();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("big.log [#######-", " 25% ", "MB/s").endsWith("\r");
    }

    @Test
    void staysQuietWhenNotATerminalWhenAskedOrForShortInputs() {
        for (Progress p : new Progress[] {
            Progress.of(streams(false), false, "a", 4 * Progress.MIN_SIZE, () -> 1),
            Progress.of(streams(true), true, "b", 4 * Progress.MIN_SIZE, () -> 1),
            Progress.of(streams(true), false, "c", Progress.MIN_SIZE - 1, () -> 1)}) {
            for (int i = 0; i < 100_000; i++) {
                p.update();
            }
            p.finish();
        }
        assertThat(err.size()).isZero();
    }
}
