package dev.scrubber.cli;

import dev.scrubber.core.KeyBlocks;
import dev.scrubber.core.LineReader;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Hands out the input as windows for the engine, each as its original bytes and as decoded text: normally one
 * line, but a line that opens a private-key block ({@code -----BEGIN … PRIVATE KEY-----} or a PuTTY key header) is
 * joined with the lines that follow until the block's end line ({@code -----END …} or {@code Private-MAC:}), so the
 * engine masks the whole block as one text. A block window stops growing at {@link #MAX_BLOCK_BYTES} or
 * {@link #MAX_BLOCK_LINES}, so memory stays bounded; the engine masks a block cut short through its body.
 */
final class LineWindows {
    static final int MAX_BLOCK_BYTES = KeyBlocks.MAX_BYTES;
    static final int MAX_BLOCK_LINES = KeyBlocks.MAX_LINES;

    private final LineReader lines;
    private final Charset charset;
    /** The lines of a private-key block joined; a one-line window is the reader's own buffer, not copied. */
    private final Bytes block = new Bytes();
    private byte[] data;
    private int length;
    private String text;
    private long firstLine;
    private int firstColumn;
    private boolean continues;

    LineWindows(LineReader lines, Charset charset) {
        this.lines = lines;
        this.charset = charset;
    }

    /**
     * Moves to the next window.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        int previousLength = text == null ? 0 : text.length();
        if (!lines.next()) {
            return false;
        }
        continues = lines.continuesLine();
        firstColumn = continues ? firstColumn + previousLength : 1;
        firstLine = lines.lineNumber();
        data = lines.data();
        length = lines.length();
        text = new String(data, 0, length, charset);
        String end = blockEnd(text);
        if (end == null) {
            return true;
        }
        block.clear();
        block.append(data, 0, length);
        for (int n = 1; n < MAX_BLOCK_LINES && block.length < MAX_BLOCK_BYTES; n++) {
            if (!lines.next()) {
                break;
            }
            block.append(lines.data(), 0, lines.length());
            if (new String(lines.data(), 0, lines.length(), charset).contains(end)) {
                break;
            }
        }
        data = block.data;
        length = block.length;
        text = new String(data, 0, length, charset);
        return true;
    }

    /** Whether the current window continues the line of the previous one (an over-long line cut in pieces). */
    boolean continuesLine() {
        return continues;
    }

    /** The current window as text. */
    String text() {
        return text;
    }

    /** The current window's original bytes, {@code [0, length())}; valid until the next call to {@link #next}. */
    byte[] data() {
        return data;
    }

    /** The number of bytes of the current window. */
    int length() {
        return length;
    }

    /**
     * The marker of the end line when {@code text} opens a private-key block that does not end on the same line,
     * else null.
     */
    static String blockEnd(String text) {
        return KeyBlocks.endMarker(text);
    }

    /** The 1-based line number of the character at {@code index} of the current window. */
    long lineOf(int index) {
        long n = firstLine;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The 1-based column, in UTF-16 code units, of the character at {@code index} of the current window. */
    int columnOf(int index) {
        int newline = text.lastIndexOf('\n', index - 1);
        return newline >= 0 ? index - newline : firstColumn + index;
    }
}
