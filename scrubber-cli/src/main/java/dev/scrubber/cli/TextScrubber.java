package dev.scrubber.cli;

import dev.scrubber.core.Continuations;
import dev.scrubber.core.Scrubber;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Scrubs a stream window by window. A clean window is written as the bytes that were read, so scrubbing changes
 * nothing but the secrets, whatever the encoding; memory stays bounded whatever the input's size.
 *
 * <p>Consecutive lines of a file are one stream for {@link Continuations}, so a token that a wire-log capture split
 * over two lines is masked in both. The pieces of a line longer than the reader's limit are scanned with
 * {@link Continuations#contextWindow()} characters of their neighbours on each side, so a secret or its keyword
 * straddling a cut is found: a piece that does not end its line is held until the next piece has been read.
 */
final class TextScrubber {
    private final Continuations continuations;
    private final int overlap;
    private final Charset charset;

    TextScrubber(Scrubber scrubber, Charset charset) {
        this.continuations = Continuations.of(scrubber);
        this.overlap = continuations.contextWindow();
        this.charset = charset;
    }

    /**
     * Writes the scrubbed windows to {@code out} (a buffered stream) and flushes it.
     *
     * @return the number of windows in which something was masked
     */
    long scrub(String name, LineWindows windows, OutputStream out, Progress progress) throws IOException {
        long changed = 0;
        continuations.clearThread(); // each file is its own stream
        Held held = null; // a piece that did not end its line, waiting for the next piece
        String before = ""; // the end of the piece before the current one, when it continues the same line
        try {
            while (windows.next()) {
                String text = windows.text();
                boolean continues = windows.continuesLine();
                if (held != null) {
                    String after = continues ? head(text) : "";
                    changed += write(name, held.line, held.text, held.bytes, held.length, held.before, after, out);
                    before = continues ? tail(held.text) : "";
                    held = null;
                } else if (!continues) {
                    before = "";
                }
                if (!endsLine(text)) {
                    held = new Held(windows.lineOf(0), text, Arrays.copyOf(windows.data(), windows.length()),
                            windows.length(), before);
                } else {
                    changed += write(name, windows.lineOf(0), text, windows.data(), windows.length(),
                            before, "", out);
                    before = "";
                }
                progress.update();
            }
            if (held != null) {
                changed += write(name, held.line, held.text, held.bytes, held.length, held.before, "", out);
            }
        } finally {
            continuations.clearThread();
        }
        out.flush();
        return changed;
    }

    /** Writes one window; returns 1 when something in it was masked. */
    private int write(String name, long line, String text, byte[] bytes, int length, String before, String after,
            OutputStream out) throws IOException {
        String scrubbed;
        try {
            scrubbed = before.isEmpty() && after.isEmpty() ? continuations.scrub(name, null, text)
                    : continuations.scrubBetween(before, text, after);
        } catch (RuntimeException e) {
            // Fail closed: stop rather than write a line that could not be scrubbed.
            throw new UserError(name + ":" + line + ": could not be scrubbed (" + e.getClass().getSimpleName()
                    + "); the output is incomplete");
        }
        if (scrubbed == text) {
            out.write(bytes, 0, length);
            return 0;
        }
        out.write(scrubbed.getBytes(charset));
        return 1;
    }

    private static boolean endsLine(String text) {
        return !text.isEmpty() && text.charAt(text.length() - 1) == '\n';
    }

    private String head(String text) {
        return text.length() <= overlap ? text : text.substring(0, overlap);
    }

    private String tail(String text) {
        return text.length() <= overlap ? text : text.substring(text.length() - overlap);
    }

    /** A piece held back until the next piece of its line is known. */
    private record Held(long line, String text, byte[] bytes, int length, String before) {
    }
}
