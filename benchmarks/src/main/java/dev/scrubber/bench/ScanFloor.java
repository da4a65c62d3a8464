package dev.scrubber.bench;

import java.util.Locale;

/**
 * The cheapest per-character prefilter there is, as a floor for any engine that looks at every character: copy
 * the Latin-1 string into a reused byte array (one intrinsic) and test each pair of adjacent characters against a
 * 16-Kbit bigram bitmap, counting hits. Built from about 250 bigrams like a full rule catalog's, it does no work at
 * a hit; the engine can only be slower. Measured next to the engine it says how much of the engine's time is the
 * scan itself and how much is handling candidates.
 */
final class ScanFloor {
    private final long[] bits = new long[16384 / 64];
    private byte[] buffer = new byte[256];

    ScanFloor() {
        // The first two characters of typical anchors; keywords in every ASCII case, as case-insensitive rules need.
        String[] exact = {"sk", "AK", "AS", "gh", "AI", "xo", "gl", "hf", "np", "SG", "gs", "r8", "pp", "xa", "fw",
            "do", "hv", "sh", "pk", "rk", "ya", "GO", "li", "sq", "EA", "da", "pa", "nt", "ey", "--", "//", "dp", "sb",
            "lt", "pc", "ls", "tg", "v1", "AC", "SK", "dc", "ke", "ti", "_p", "_s", "_a", "_t", "_k"};
        String[] folded = {"pa", "pw", "se", "to", "ap", "ac", "cl", "au", "cr", "be", "pr", "si", "en", "ma", "x-",
            "co", "mi", "pi", "we", "wo", "tw", "he", "di", "te", "al", "cf", "dd", "io", "ad", "de", "pu", "ss", "ki",
            "ok", "ia", "sw", "ou", "ch", "ge", "ar", "ri", "ec", "id", "ve", "st", "va", "ic", "us", "ut", "vi", "nv",
            "ca", "od", "ba", "ty", "ra", "pl", "ha"};
        for (String b : exact) {
            set(b.charAt(0), b.charAt(1));
        }
        for (String b : folded) {
            String l = b.toLowerCase(Locale.ROOT);
            String u = b.toUpperCase(Locale.ROOT);
            set(l.charAt(0), l.charAt(1));
            set(u.charAt(0), u.charAt(1));
            set(l.charAt(0), u.charAt(1));
            set(u.charAt(0), l.charAt(1));
        }
    }

    private void set(char a, char b) {
        int key = (a & 0x7f) << 7 | (b & 0x7f);
        bits[key >>> 6] |= 1L << key;
    }

    int bitCount() {
        int n = 0;
        for (long w : bits) {
            n += Long.bitCount(w);
        }
        return n;
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the fastest Latin-1 copy on JDK 17
    int hits(String text) {
        int n = text.length();
        if (buffer.length < n) {
            buffer = new byte[Math.max(n, 2 * buffer.length)];
        }
        byte[] bytes = buffer;
        text.getBytes(0, n, bytes, 0);
        long[] table = bits;
        int hits = 0;
        int cur = bytes[0] & 0x7f;
        for (int i = 1; i < n; i++) {
            int next = bytes[i] & 0x7f;
            int key = cur << 7 | next;
            if ((table[key >>> 6] & (1L << key)) != 0) {
                hits++;
            }
            cur = next;
        }
        return hits;
    }
}
