package dev.scrubber.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads physical lines as bytes, each with its terminator, so a clean line is written back exactly as it was read
 * (whatever its encoding). A line longer than {@link #MAX_LINE} is handed out in pieces, cut after a space or tab
 * near the limit where there is one, else between UTF-8 sequences, so a task's memory stays bounded.
 */
final class LineSource {
    static final int MAX_LINE = 8 << 20;
    private static final int CUT_SEARCH = 4096;

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] carry = new byte[0];
    private int carryLength;
    private long lineNumber;
    private boolean midLine;

    /** The current line or piece: {@code data[0, length)}. */
    byte[] data = new byte[256];
    int length;

    LineSource(InputStream in) {
        this(in, MAX_LINE);
    }

    LineSource(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** Reads the next line (or piece of a long line) into {@link #data}; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        append(carry, 0, carryLength);
        carryLength = 0;
        boolean terminated = false;
        while (length < maxLine) {
            if (pos == limit && !fill()) {
                break;
            }
            int stop = Math.min(limit, pos + maxLine - length);
            int i = pos;
            while (i < stop && buf[i] != '\n') {
                i++;
            }
            if (i < stop) {
                append(buf, pos, i + 1 - pos);
                pos = i + 1;
                terminated = true;
                break;
            }
            append(buf, pos, stop - pos);
            pos = stop;
        }
        if (length == 0) {
            return false;
        }
        if (!terminated && length >= maxLine) {
            cut();
        }
        if (!midLine) {
            lineNumber++;
        }
        midLine = !terminated;
        return true;
    }

    /** The 1-based number of the line the current piece belongs to. */
    long lineNumber() {
        return lineNumber;
    }

    private void cut() throws IOException {
        int at = -1;
        for (int i = length - 1; i > 0 && i >= length - CUT_SEARCH; i--) {
            if (data[i] == ' ' || data[i] == '\t') {
                at = i + 1;
                break;
            }
        }
        if (at < 0) {
            at = length;
            while (at > length - 4 && isContinuation(at < length ? data[at] : peek())) {
                at--;
            }
        }
        int rest = length - at;
        if (carry.length < rest) {
            carry = new byte[Math.max(rest, 256)];
        }
        System.arraycopy(data, at, carry, 0, rest);
        carryLength = rest;
        length = at;
    }

    private static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return 0;
        }
        return buf[pos];
    }

    private void append(byte[] b, int off, int len) {
        if (length + len > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + len));
        }
        System.arraycopy(b, off, data, length, len);
        length += len;
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
