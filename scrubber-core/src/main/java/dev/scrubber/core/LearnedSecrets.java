package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values a context rule masked ({@code password=…}, {@code AKIA…:secret}), remembered so that a later bare
 * occurrence in another event is masked too. Bounded: the most recently used {@code capacity} values; values shorter
 * than {@link #MIN_LENGTH} or longer than {@link #MAX_LENGTH}, low-entropy words, values without a letter
 * and placeholders are never learned.
 * The values are never printed: they only become anchors of the {@code learned-secret} rule. Thread-safe.
 */
final class LearnedSecrets {
    static final String RULE_ID = "learned-secret";
    static final int DEFAULT_CAPACITY = 1024;
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;
    static final double MIN_ENTROPY = 3.0;

    private final int capacity;
    private final LinkedHashMap<String, Boolean> values;
    private final AtomicLong version = new AtomicLong();

    LearnedSecrets(int capacity) {
        this.capacity = capacity;
        this.values = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The version, which changes when a value is added or evicted: one volatile read per call. */
    long version() {
        return version.get();
    }

    /** Learns {@code text[start, end)} if it qualifies; cheap when it is already known. */
    void learn(CharSequence text, int start, int end, int[] counts) {
        int n = end - start;
        if (n < MIN_LENGTH || n > MAX_LENGTH || !ValueFilter.hasDigitOrSymbol(text, start, end)
                || !hasLetter(text, start, end)
                || Entropy.bitsPerChar(text, start, end, counts) < MIN_ENTROPY
                || Placeholders.isPlaceholder(text, start, end)) {
            return;
        }
        String value = text.subSequence(start, end).toString();
        synchronized (values) {
            if (values.get(value) != null) {
                return; // refreshed in the access order
            }
            values.put(value, Boolean.TRUE);
            if (values.size() > capacity) {
                Iterator<String> eldest = values.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        version.incrementAndGet();
    }

    /**
     * A value of digits and punctuation only (a PIN, a numeric id) is masked where its name stands, but not learned:
     * bare, the same digits are an analytics id, a timestamp or a count far more often than the secret.
     */
    private static boolean hasLetter(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Alphabet.LETTERS.contains(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    List<String> snapshot() {
        synchronized (values) {
            return new ArrayList<>(values.keySet());
        }
    }

    @Override
    public String toString() {
        return "LearnedSecrets[capacity=" + capacity + "]"; // never the values
    }
}
