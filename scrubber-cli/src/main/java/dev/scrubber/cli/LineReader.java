package dev.scrubber.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines, each with its terminator, into a caller's buffer, without a String per line. A line longer
 * than the limit is handed out in pieces, cut after a space or tab where one is near the limit, so that memory stays
 * bounded whatever the input; the pieces keep the line's number and report their column offset.
 */
final class LineReader {
    /** Longest piece handed out at once. */
    static final int MAX_LINE = 1 << 20;
    /** How far back from the limit a cut looks for a space, so that a token is rarely split. */
    private static final int CUT_SEARCH = 4096;

    private final Reader in;
    private final int maxLine;
    private final char[] buf = new char[Inputs.BLOCK];
    private final StringBuilder carry = new StringBuilder();
    private int pos;
    private int limit;
    private long lineNumber;
    private int column;
    private int previousLength;
    private boolean midLine;

    LineReader(Reader in) {
        this(in, MAX_LINE);
    }

    LineReader(Reader in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * Appends the next line, or the next piece of a long line, to {@code out}.
     *
     * @return false at the end of the input
     */
    boolean next(StringBuilder out) throws IOException {
        int start = out.length();
        out.append(carry);
        carry.setLength(0);
        boolean terminated = false;
        while (out.length() - start < maxLine) {
            if (pos == limit && !fill()) {
                break;
            }
            int stop = Math.min(limit, pos + maxLine - (out.length() - start));
            int end = pos;
            while (end < stop && buf[end] != '\n') {
                end++;
            }
            if (end < stop) {
                out.append(buf, pos, end + 1 - pos);
                pos = end + 1;
                terminated = true;
                break;
            }
            out.append(buf, pos, stop - pos);
            pos = stop;
        }
        int length = out.length() - start;
        if (length == 0) {
            return false;
        }
        if (!terminated && length >= maxLine) {
            cut(out, start);
        }
        if (midLine) {
            column += previousLength;
        } else {
            lineNumber++;
            column = 0;
        }
        previousLength = out.length() - start;
        midLine = !terminated;
        return true;
    }

    /** The 1-based number of the line the last piece belongs to. */
    long lineNumber() {
        return lineNumber;
    }

    /** The 0-based column of the last piece's first character within its line. */
    int column() {
        return column;
    }

    private void cut(StringBuilder out, int start) {
        int end = out.length();
        int at = end;
        for (int i = end - 1; i > start && i >= end - CUT_SEARCH; i--) {
            char c = out.charAt(i);
            if (c == ' ' || c == '\t') {
                at = i + 1;
                break;
            }
        }
        carry.append(out, at, end);
        out.setLength(at);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
