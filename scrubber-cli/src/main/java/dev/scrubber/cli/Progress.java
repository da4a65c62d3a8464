package dev.scrubber.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for long inputs, drawn only when standard error is a terminal. It
 * never shows content, only the input's name, the share read and the rate.
 */
final class Progress {
    /** Inputs smaller than this finish too fast to need a bar. */
    static final long MIN_SIZE = 16L * 1024 * 1024;
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int WIDTH = 30;
    private static final Progress NONE = new Progress(null, "", 0, () -> 0);

    private final PrintStream err;
    private final String label;
    private final long total;
    private final LongSupplier done;
    private final long startNanos = System.nanoTime();
    private long nextDraw = startNanos + REDRAW_NANOS;
    private int calls;
    private boolean drawn;

    private Progress(PrintStream err, String label, long total, LongSupplier done) {
        this.err = err;
        this.label = label.length() > 40 ? "..." + label.substring(label.length() - 37) : label;
        this.total = total;
        this.done = done;
    }

    /** A bar for an input of {@code total} bytes, or one that draws nothing when it is not wanted. */
    static Progress of(CliStreams io, boolean quiet, String label, long total, LongSupplier done) {
        if (!io.terminal() || quiet || total < MIN_SIZE) {
            return NONE;
        }
        return new Progress(io.err(), label, total, done);
    }

    /** Called once per window; redraws at most four times a second. */
    void update() {
        if (err == null || (++calls & 1023) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now >= nextDraw) {
            nextDraw = now + REDRAW_NANOS;
            draw(now);
        }
    }

    /** Clears the bar. */
    void finish() {
        if (err != null && drawn) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + 24) + "\r");
            err.flush();
        }
    }

    void draw(long now) {
        long read = done.getAsLong();
        double share = Math.min(1.0, (double) read / total);
        int filled = (int) (share * WIDTH);
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %6.1f MB/s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), (int) (share * 100), read / seconds / 1e6));
        err.flush();
        drawn = true;
    }
}
