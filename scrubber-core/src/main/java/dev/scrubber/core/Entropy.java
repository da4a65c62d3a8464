package dev.scrubber.core;

/**
 * Shannon entropy in bits per character, computed with caller-owned scratch so it never allocates. Uses
 * H = log2(n) - (1/n) * sum(c * log2(c)) with c * log2(c) precomputed for small counts: a candidate's entropy then
 * costs table lookups instead of one {@code Math.log} per distinct character.
 */
final class Entropy {
    private static final int TABLE = 4096;
    private static final double[] C_LOG2_C = new double[TABLE];

    static {
        for (int c = 1; c < TABLE; c++) {
            C_LOG2_C[c] = c * log2(c);
        }
    }

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
        double sum = cLog2c(other);
        for (int count : counts) {
            sum += cLog2c(count);
        }
        return log2(n) - sum / n;
    }

    private static double cLog2c(int c) {
        return c < TABLE ? C_LOG2_C[c] : c * log2(c);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
