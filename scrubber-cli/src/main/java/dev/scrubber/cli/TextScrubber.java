package dev.scrubber.cli;

import dev.scrubber.core.Scrubber;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Scrubs a stream window by window. A clean window is written as the bytes that were read, so scrubbing changes
 * nothing but the secrets, whatever the encoding; memory stays bounded whatever the input's size.
 */
final class TextScrubber {
    private final Scrubber scrubber;
    private final Charset charset;

    TextScrubber(Scrubber scrubber, Charset charset) {
        this.scrubber = scrubber;
        this.charset = charset;
    }

    /**
     * Writes the scrubbed windows to {@code out} (a buffered stream) and flushes it.
     *
     * @return the number of windows in which something was masked
     */
    long scrub(String name, LineWindows windows, OutputStream out, Progress progress) throws IOException {
        long changed = 0;
        while (windows.next()) {
            String text = windows.text();
            String scrubbed;
            try {
                scrubbed = scrubber.scrub(text);
            } catch (RuntimeException e) {
                // Fail closed: stop rather than write a line that could not be scrubbed.
                throw new UserError(name + ":" + windows.lineOf(0) + ": could not be scrubbed ("
                        + e.getClass().getSimpleName() + "); the output is incomplete");
            }
            if (scrubbed == text) {
                out.write(windows.bytes().data, 0, windows.bytes().length);
            } else {
                out.write(scrubbed.getBytes(charset));
                changed++;
            }
            progress.update();
        }
        out.flush();
        return changed;
    }
}
