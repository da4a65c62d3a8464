package dev.scrubber.bench;

import java.util.Locale;

/**
 * The cheapest per-character prefilter there is, as a floor for any engine that looks at every character: copy
 * the Latin-1 string into a reused byte array (one intrinsic) and test each pair of adjacent characters, read as
 * one 16-bit load, against a table of one byte per pair (as the engine's filter does since 2026-12-02; a bitmap
 * test costs twice as much per character), counting hits. Built from about 250 bigrams like a full rule catalog's, it does no work at
 * a hit; the engine can only be slower. Measured next to the engine it says how much of the engine's time is the
 * scan itself and how much is handling candidates.
 */
final class ScanFloor {
    private static final java.lang.invoke.VarHandle PAIRS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final byte[] table = new byte[65536];
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
        table[(a & 0xff) | (b & 0xff) << 8] = 1;
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the fastest Latin-1 copy on JDK 17
    int hits(String text) {
        int n = text.length();
        if (buffer.length < n + 1) {
            buffer = new byte[Math.max(n + 1, 2 * buffer.length)];
        }
        byte[] bytes = buffer;
        text.getBytes(0, n, bytes, 0);
        byte[] pairs = table;
        int hits = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (pairs[(short) PAIRS.get(bytes, i) & 0xffff] != 0) {
                hits++;
            }
        }
        return hits;
    }
}
