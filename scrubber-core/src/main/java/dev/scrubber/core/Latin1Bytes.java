package dev.scrubber.core;

import java.nio.charset.StandardCharsets;

/**
 * A reusable, allocation-free view of {@code bytes[from, to)} as ISO-8859-1 text (one byte per char), so encoded
 * output scans like a string: the scan copies it with one array copy instead of a {@code charAt} call per byte.
 */
final class Latin1Bytes implements CharSequence {
    private byte[] bytes;
    private int from;
    private int length;

    Latin1Bytes set(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.length = to - from;
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int from() {
        return from;
    }

    void clear() {
        bytes = null;
        length = 0;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[from + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, from + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
