package dev.scrubber.cli;

import java.io.IOException;

/**
 * Hands out the input as windows of text for the engine: normally one line each, but a line that opens a
 * private-key block ({@code -----BEGIN … PRIVATE KEY-----} or a PuTTY key header) is joined with the lines that
 * follow until the block's end line ({@code -----END …} or {@code Private-MAC:}), so the engine masks the whole
 * block as one text. A block window stops growing at {@link #MAX_BLOCK_CHARS} or {@link #MAX_BLOCK_LINES}, so memory
 * stays bounded; the engine masks a block cut short through its body.
 */
final class LineWindows {
    /** Twice the engine's longest private-key block. */
    static final int MAX_BLOCK_CHARS = 128 * 1024;
    static final int MAX_BLOCK_LINES = 4096;

    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final String PEM_KEY = "PRIVATE KEY";
    private static final String PEM_END = "-----END ";
    private static final String PUTTY_BEGIN = "PuTTY-User-Key-File-";
    private static final String PUTTY_END = "Private-MAC:";

    private final LineReader lines;
    private final StringBuilder window = new StringBuilder(256);
    private final StringBuilder line = new StringBuilder(256);
    private boolean haveLookahead;
    private long firstLine;
    private int firstColumn;

    LineWindows(LineReader lines) {
        this.lines = lines;
    }

    /**
     * Moves to the next window.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        window.setLength(0);
        if (!lines.next(window)) {
            return false;
        }
        firstLine = lines.lineNumber();
        firstColumn = lines.column() + 1;
        String end = blockEnd(window);
        if (end == null) {
            return true;
        }
        for (int n = 1; n < MAX_BLOCK_LINES && window.length() < MAX_BLOCK_CHARS; n++) {
            line.setLength(0);
            if (!lines.next(line)) {
                break;
            }
            window.append(line);
            if (line.indexOf(end) >= 0) {
                break;
            }
        }
        return true;
    }

    /** The current window's text; valid until the next call to {@link #next}. */
    CharSequence text() {
        return window;
    }

    /**
     * The marker of the end line when {@code text} opens a private-key block that does not end on the same line,
     * else null.
     */
    static String blockEnd(StringBuilder text) {
        int begin = text.indexOf(PEM_BEGIN);
        if (begin >= 0) {
            int key = text.indexOf(PEM_KEY, begin);
            if (key >= 0 && text.indexOf(PEM_END, key) < 0) {
                return PEM_END;
            }
        }
        int putty = text.indexOf(PUTTY_BEGIN);
        if (putty >= 0 && text.indexOf(PUTTY_END, putty) < 0) {
            return PUTTY_END;
        }
        return null;
    }

    /** The 1-based line number of the character at {@code index} of the current window. */
    long lineOf(int index) {
        long n = firstLine;
        for (int i = 0; i < index; i++) {
            if (window.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The 1-based column of the character at {@code index} of the current window. */
    int columnOf(int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (window.charAt(i) == '\n') {
                return index - i;
            }
        }
        return firstColumn + index;
    }
}
