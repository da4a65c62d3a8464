package dev.scrubber.core;

/** Shannon entropy in bits per character, computed with caller-owned scratch so it never allocates. */
final class Entropy {
    private static final double LN2 = Math.log(2);

    private Entropy() {
    }

    static double bitsPerChar(CharSequence s, int from, int to, int[] counts) {
        int n = to - from;
        if (n <= 0) {
            return 0;
        }
        java.util.Arrays.fill(counts, 0);
        int other = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < counts.length) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                h -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p);
        }
        return h / LN2;
    }
}
