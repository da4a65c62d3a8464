package dev.scrubber.core;

/** A reusable, allocation-free view of {@code [from, to)} of another sequence, so a buffer range scans like a string. */
final class Region implements CharSequence {
    private CharSequence base;
    private int from;
    private int length;

    Region set(CharSequence base, int from, int to) {
        this.base = base;
        this.from = from;
        this.length = to - from;
        return this;
    }

    CharSequence base() {
        return base;
    }

    int from() {
        return from;
    }

    void clear() {
        base = null;
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
        return base.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return base.subSequence(from + start, from + end);
    }

    @Override
    public String toString() {
        return base.subSequence(from, from + length).toString();
    }
}
