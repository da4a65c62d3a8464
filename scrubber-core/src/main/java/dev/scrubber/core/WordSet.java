package dev.scrubber.core;

/**
 * A fixed list of ASCII words, looked up in a range of text without allocating: the range's last eight characters
 * packed into a {@code long} pick a slot, and a word of up to eight characters is confirmed by that one value. The
 * vocabularies of names ({@link SensitiveKeys}, {@link NameFinder}) were loops over {@code String[]} that compared
 * each word's length first, a pointer chase per word: ≈ 100 ns to reject {@code prompt_tokens}. Words keep their
 * list index, so a caller that takes the first listed match among several endings keeps that order.
 *
 * <p>The key is read backwards from the range's end, so {@link #endings} finds every listed word that ends a range
 * in one backward walk, probing only at the lengths the list has.
 */
final class WordSet {
    private final String[] words;
    private final boolean ignoreCase;
    /** Bit {@code L} is set when a word has length {@code L} (words are shorter than 64). */
    private final long lengths;
    /**
     * Open addressing, keyed by a word's last eight characters (one byte each, the last one lowest) and its
     * length: a word of at most eight characters is then compared as one {@code long}. A slot holds the list index
     * plus one, 0 when empty.
     */
    private final int[] slots;
    private final long[] slotTails;
    private final int shift;

    private WordSet(boolean ignoreCase, String[] words) {
        this.words = words.clone();
        this.ignoreCase = ignoreCase;
        int size = Integer.highestOneBit(Math.max(4, words.length * 4 - 1)) * 2; // load factor at most 1/2
        slots = new int[size];
        slotTails = new long[size];
        shift = 32 - Integer.numberOfTrailingZeros(size);
        long lens = 0;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty() || w.length() >= 64) {
                throw new IllegalArgumentException("a word must have 1 to 63 characters: " + w);
            }
            long tail = 0;
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (c >= 128 || ignoreCase && c >= 'A' && c <= 'Z') {
                    throw new IllegalArgumentException("words are ASCII, lower-case when case is ignored: " + w);
                }
                int back = w.length() - 1 - k;
                if (back < 8) {
                    tail |= (long) fold(c) << (8 * back);
                }
            }
            lens |= 1L << w.length();
            int slot = slot(tail, w.length());
            while (slots[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = i + 1;
            slotTails[slot] = tail;
        }
        lengths = lens;
    }

    /** The words, lower-case, matched ignoring ASCII case. */
    static WordSet ignoringCase(String... words) {
        return new WordSet(true, words);
    }

    /** The words matched exactly. */
    static WordSet exact(String... words) {
        return new WordSet(false, words);
    }

    /** Whether {@code s[from, to)} is one of the words. */
    boolean contains(CharSequence s, int from, int to) {
        return indexOf(s, from, to) >= 0;
    }

    /** The list index of the word {@code s[from, to)}, or -1. */
    int indexOf(CharSequence s, int from, int to) {
        int len = to - from;
        if (len <= 0 || len >= 64 || (lengths & 1L << len) == 0) {
            return -1;
        }
        long tail = 0;
        for (int k = 0; k < len && k < 8; k++) {
            char c = s.charAt(to - 1 - k);
            if (c >= 128) {
                return -1; // words are ASCII
            }
            tail |= (long) fold(c) << (8 * k);
        }
        return find(s, from, len, tail);
    }

    /**
     * The listed words that end {@code s[from, to)} with at most {@code maxLength} characters, as a bit mask of
     * their list indices (only the first 64 words of a list are looked for).
     */
    long endings(CharSequence s, int from, int to, int maxLength) {
        long found = 0;
        long tail = 0;
        int most = Math.min(Math.min(maxLength, to - from), 63);
        for (int len = 1; len <= most; len++) {
            if (len <= 8) {
                char c = s.charAt(to - len);
                if (c >= 128) {
                    break; // words are ASCII
                }
                tail |= (long) fold(c) << (8 * (len - 1));
            }
            if ((lengths & 1L << len) != 0) {
                int i = find(s, to - len, len, tail);
                if (i >= 0 && i < 64) {
                    found |= 1L << i;
                }
            }
        }
        return found;
    }

    /** The word of length {@code len} at {@code from} whose last eight characters fold to {@code tail}, or -1. */
    private int find(CharSequence s, int from, int len, long tail) {
        int mask = slots.length - 1;
        for (int slot = slot(tail, len); slots[slot] != 0; slot = (slot + 1) & mask) {
            String w = words[slots[slot] - 1];
            if (slotTails[slot] == tail && w.length() == len && (ignoreCase
                    ? len <= 8 || Text.matchesAt(s, from, w, len - 8, true) // the tail matched the rest
                    : Text.matchesAt(s, from, w, len, false))) {
                return slots[slot] - 1;
            }
        }
        return -1;
    }

    private int slot(long tail, int len) {
        return (int) ((tail * 0x9E3779B97F4A7C15L + len) * 0xC2B2AE3D27D4EB4FL >>> 32) >>> shift;
    }

    private static char fold(char c) {
        return Text.lowerAscii(c);
    }
}
