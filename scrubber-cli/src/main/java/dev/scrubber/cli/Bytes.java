package dev.scrubber.cli;

import java.util.Arrays;

/** A growable byte buffer that is reused from line to line, so reading allocates nothing per line. */
final class Bytes {
    byte[] data = new byte[512];
    int length;

    void clear() {
        length = 0;
    }

    void append(byte[] src, int off, int len) {
        ensure(length + len);
        System.arraycopy(src, off, data, length, len);
        length += len;
    }

    private void ensure(int capacity) {
        if (capacity > data.length) {
            data = Arrays.copyOf(data, Math.max(capacity, data.length * 2));
        }
    }
}
