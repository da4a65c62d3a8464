package dev.scrubber.core;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads physical lines as bytes, each with its terminator ({@code \n} or {@code \r\n}; a last line may have none),
 * for tools that scrub existing log files (the CLI, the Spark job). Working on bytes lets a clean line be written
 * back exactly as it was read, whatever its encoding. A line longer than the limit is handed out in pieces, cut
 * after a space or tab near the limit where there is one, else between UTF-8 sequences, so memory stays bounded
 * whatever the input; the pieces keep the line's number and say that they continue it.
 *
 * <p>The current piece is {@code data()[0, length())}, valid until the next call to {@link #next}. Not
 * thread-safe.
 */
public final class LineReader {
    /** The default longest piece handed out at once. */
    public static final int MAX_LINE = 1 << 20;
    /** How far back from the limit a cut looks for a space, so that a token is rarely split. */
    private static final int CUT_SEARCH = 4096;
    private static final int BLOCK = 64 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[BLOCK];
    private int pos;
    private int limit;
    private byte[] data = new byte[512];
    private int length;
    private byte[] carry = new byte[0];
    private int carryLength;
    private long lineNumber;
    private boolean midLine;
    private boolean continued;

    /** Lines of {@code in}, in pieces of at most {@link #MAX_LINE} bytes. */
    public LineReader(InputStream in) {
        this(in, MAX_LINE);
    }

    /** Lines of {@code in}, in pieces of at most {@code maxLine} bytes (at least 4, the longest UTF-8 sequence). */
    public LineReader(InputStream in, int maxLine) {
        if (maxLine < 4) {
            throw new IllegalArgumentException("maxLine must be at least 4, not " + maxLine);
        }
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * Reads the next line, or the next piece of a long line.
     *
     * @return false at the end of the input
     */
    public boolean next() throws IOException {
        length = 0;
        append(carry, 0, carryLength);
        carryLength = 0;
        boolean terminated = false;
        while (length < maxLine) {
            if (pos == limit && !fill()) {
                break;
            }
            int stop = Math.min(limit, pos + maxLine - length);
            int end = indexOfNewline(buf, pos, stop);
            if (end >= 0) {
                append(buf, pos, end + 1 - pos);
                pos = end + 1;
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
        continued = midLine;
        if (!midLine) {
            lineNumber++;
        }
        midLine = !terminated;
        return true;
    }

    /** The bytes of the current piece, {@code [0, length())}; the array is reused by the next call. */
    public byte[] data() {
        return data;
    }

    /** The length of the current piece. */
    public int length() {
        return length;
    }

    /** The 1-based number of the line the current piece belongs to. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Whether the current piece continues a line that an earlier piece started. */
    public boolean continuesLine() {
        return continued;
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
            while (at > 1 && at > length - 4 && isContinuationByte(at < length ? data[at] : peek())) {
                at--; // do not split a UTF-8 sequence
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

    /** The next unread byte, reading more input when the buffer is used up (a cut may fall at its end); 0 at the end. */
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
