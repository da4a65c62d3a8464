package dev.scrubber.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads physical lines as bytes, each with its terminator, into a reused buffer. Working on bytes lets clean lines
 * be written back exactly as they were read, whatever their encoding. A line longer than the limit is handed out
 * in pieces, cut after a space or tab near the limit where there is one (else at a character boundary), so memory
 * stays bounded whatever the input; the pieces keep the line's number and report their byte offset in it.
 */
final class LineReader {
    /** Longest piece handed out at once. */
    static final int MAX_LINE = 1 << 20;
    /** How far back from the limit a cut looks for a space, so that a token is rarely split. */
    private static final int CUT_SEARCH = 4096;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[Inputs.BLOCK];
    private final Bytes carry = new Bytes();
    private int pos;
    private int limit;
    private long lineNumber;
    private boolean midLine;
    private boolean continued;

    LineReader(InputStream in) {
        this(in, MAX_LINE);
    }

    LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * Appends the next line, or the next piece of a long line, to {@code out}.
     *
     * @return false at the end of the input
     */
    boolean next(Bytes out) throws IOException {
        int start = out.length;
        out.append(carry.data, 0, carry.length);
        carry.clear();
        boolean terminated = false;
        while (out.length - start < maxLine) {
            if (pos == limit && !fill()) {
                break;
            }
            int stop = Math.min(limit, pos + maxLine - (out.length - start));
            int end = indexOfNewline(buf, pos, stop);
            if (end >= 0) {
                out.append(buf, pos, end + 1 - pos);
                pos = end + 1;
                terminated = true;
                break;
            }
            out.append(buf, pos, stop - pos);
            pos = stop;
        }
        if (out.length == start) {
            return false;
        }
        if (!terminated && out.length - start >= maxLine) {
            cut(out, start);
        }
        continued = midLine;
        if (!midLine) {
            lineNumber++;
        }
        midLine = !terminated;
        return true;
    }

    /** The 1-based number of the line the last piece belongs to. */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether the last piece continues a line that an earlier piece started. */
    boolean continuesLine() {
        return continued;
    }

    private void cut(Bytes out, int start) {
        int end = out.length;
        int at = -1;
        for (int i = end - 1; i > start && i >= end - CUT_SEARCH; i--) {
            if (out.data[i] == ' ' || out.data[i] == '\t') {
                at = i + 1;
                break;
            }
        }
        if (at < 0) {
            at = end;
            while (at > start + 1 && at > end - 4 && isContinuationByte(at < end ? out.data[at] : peek())) {
                at--; // do not split a UTF-8 sequence
            }
        }
        carry.append(out.data, at, end - at);
        out.truncate(at);
    }

    /** The index of the first {@code '\n'} in {@code b[from, to)}, or -1; eight bytes per step. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long v = (long) LONGS.get(b, i) ^ NEWLINES;
            long zeroBytes = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L; // lowest flag is exact
            if (zeroBytes != 0) {
                return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isContinuationByte(int b) {
        return (b & 0xC0) == 0x80;
    }

    private int peek() {
        return pos < limit ? buf[pos] : 0;
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
