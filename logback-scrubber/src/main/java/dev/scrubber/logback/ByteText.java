package dev.scrubber.logback;

import java.nio.charset.StandardCharsets;

/**
 * Encoded bytes seen as text, one byte per char (ISO-8859-1). For an ASCII-compatible charset every ASCII
 * character, and so every secret the engine looks for, has the same code in both views, and bytes of multi-byte
 * characters map to chars the engine treats as ordinary non-ASCII text. Converting the scrubbed chars back byte
 * for byte restores everything that was not masked exactly. Reused per thread, so scanning allocates nothing.
 */
final class ByteText implements CharSequence {
    private byte[] bytes;
    private int length;

    ByteText set(byte[] bytes) {
        this.bytes = bytes;
        this.length = bytes.length;
        return this;
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
        return (char) (bytes[index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** The chars back as bytes; a char outside one byte (a non-Latin-1 custom rule id in a mask) becomes '?'. */
    static byte[] toBytes(CharSequence chars) {
        byte[] out = new byte[chars.length()];
        for (int i = 0; i < out.length; i++) {
            char c = chars.charAt(i);
            out[i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        return out;
    }
}
