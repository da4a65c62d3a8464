package dev.scrubber.core;

import java.nio.charset.StandardCharsets;

/**
 * A reusable, allocation-free view of {@code bytes[from, to)} as ISO-8859-1 text, one byte per char, for adapters
 * that scrub encoded output (an encoder's bytes) with {@link Scrubber#scrubTo} or {@link Continuations}. For an
 * ASCII-compatible charset every ASCII character, and so every secret the engine looks for, has the same code in
 * both views; the bytes of multi-byte characters become chars the engine treats as ordinary non-ASCII text, and
 * {@link #toBytes} turns the scrubbed chars back into exactly the bytes that were not masked. The scan copies the
 * view with one array copy instead of a {@code charAt} call per byte.
 *
 * <p>Not thread-safe: keep one per thread, {@link #set} it before a call and {@link #clear} it after, so that it
 * holds no reference to the bytes.
 */
public final class Latin1Bytes implements CharSequence {
    private byte[] bytes;
    private int from;
    private int length;

    /** Views {@code bytes[from, to)}; the bytes are not copied and must not change while the view is used. */
    public Latin1Bytes set(byte[] bytes, int from, int to) {
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

    /** Drops the reference to the bytes; the view is then empty. */
    public void clear() {
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

    /**
     * Scrubbed text of such a view back as bytes, one per char; a char outside one byte (a mask naming a custom
     * rule whose id is not Latin-1) becomes {@code '?'}.
     */
    public static byte[] toBytes(CharSequence chars) {
        byte[] out = new byte[chars.length()];
        for (int i = 0; i < out.length; i++) {
            char c = chars.charAt(i);
            out[i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        return out;
    }
}
