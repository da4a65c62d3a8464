package dev.scrubber.cli;

import dev.scrubber.core.Scrubber;
import java.io.IOException;
import java.io.Writer;

/** Scrubs a text stream window by window into a writer; memory stays bounded whatever the input's size. */
final class TextScrubber {
    private static final int FLUSH_AT = 64 * 1024;

    private final Scrubber scrubber;
    private final StringBuilder buffer = new StringBuilder(2 * FLUSH_AT);
    private final char[] chars = new char[FLUSH_AT];

    TextScrubber(Scrubber scrubber) {
        this.scrubber = scrubber;
    }

    /**
     * Writes the scrubbed windows to {@code out} and flushes it.
     *
     * @return the number of windows in which something was masked
     */
    long scrub(LineWindows windows, Writer out, Progress progress) throws IOException {
        long changed = 0;
        while (windows.next()) {
            if (scrubber.scrubTo(windows.text(), buffer)) {
                changed++;
            }
            if (buffer.length() >= FLUSH_AT) {
                drain(out);
            }
            progress.update();
        }
        drain(out);
        out.flush();
        return changed;
    }

    private void drain(Writer out) throws IOException {
        for (int from = 0; from < buffer.length(); from += chars.length) {
            int n = Math.min(chars.length, buffer.length() - from);
            buffer.getChars(from, from + n, chars, 0);
            out.write(chars, 0, n);
        }
        buffer.setLength(0);
    }
}
