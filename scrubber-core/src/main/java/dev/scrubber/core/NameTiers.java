package dev.scrubber.core;

/**
 * The tiers of the names a thread classified last ({@link SensitiveKeys#classify}), so that a name met again costs a
 * compare instead of a classification: an LLM application logs {@code prompt_tokens}, {@code completion_tokens} and
 * {@code total_tokens} on every request, and each occurrence of {@code token} in them must be rejected. A name's
 * tier depends on its characters alone (the vocabulary is fixed), so entries never go stale. Two-way (a name may
 * take either slot of its pair), filled in place: nothing is allocated after the thread's first scan, ≈ 5 KB per
 * thread. One per {@link ScanState}, so not shared.
 */
final class NameTiers {
    /** Slots, in pairs (two-way: names that share a pair do not evict each other line after line). */
    private static final int SLOTS = 64;
    /** Longer names are classified every time (rare, and their hash would cost what it saves). */
    private static final int MAX_NAME = 32;

    private final char[][] names;
    private final int[] lengths;
    private final int[] tiers;
    /** Per pair, the slot to fill next when both are taken. */
    private final boolean[] second;
    /** How far the hash is shifted to pick a pair: 32 - log2(pairs). */
    private final int shift;

    NameTiers() {
        this(SLOTS / 2);
    }

    /** With {@code pairs} pairs of slots, a power of two (tests use one, so that every name shares it). */
    NameTiers(int pairs) {
        names = new char[2 * pairs][MAX_NAME];
        lengths = new int[2 * pairs];
        tiers = new int[2 * pairs];
        second = new boolean[pairs];
        shift = 32 - Integer.numberOfTrailingZeros(pairs);
    }

    /** {@link SensitiveKeys#classify} of {@code s[from, to)}, remembered. */
    int classify(CharSequence s, int from, int to) {
        int n = to - from;
        if (n <= 0 || n > MAX_NAME) {
            return SensitiveKeys.classify(s, from, to);
        }
        int h = n;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        int pair = shift == 32 ? 0 : (h * 0x9E3779B9) >>> shift; // the top bits of a multiplicative hash
        int a = pair * 2;
        if (lengths[a] == n && sameChars(names[a], s, from, n)) {
            return tiers[a];
        }
        if (lengths[a + 1] == n && sameChars(names[a + 1], s, from, n)) {
            return tiers[a + 1];
        }
        int tier = SensitiveKeys.classify(s, from, to);
        int slot = lengths[a] == 0 ? a : lengths[a + 1] == 0 ? a + 1 : second[pair] ? a + 1 : a;
        second[pair] = slot == a;
        char[] name = names[slot];
        for (int i = 0; i < n; i++) {
            name[i] = s.charAt(from + i);
        }
        lengths[slot] = n;
        tiers[slot] = tier;
        return tier;
    }

    private static boolean sameChars(char[] name, CharSequence s, int from, int n) {
        for (int i = 0; i < n; i++) {
            if (name[i] != s.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }
}
