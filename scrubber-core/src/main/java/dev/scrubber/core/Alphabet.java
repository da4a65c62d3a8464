package dev.scrubber.core;

/**
 * A set of ASCII characters, stored as two 64-bit masks (for building and combining sets) and as a table of one
 * flag per character, so that a membership test is one load: a variable shift and mask per character cost about
 * twice as much in the loops that read runs of token characters (see the pair filter in {@link AnchorPlan}).
 * Characters above U+007F are never members: every built-in token format is ASCII.
 */
final class Alphabet {
    static final Alphabet DIGITS = of("digits", "0-9");
    static final Alphabet HEX = of("hex", "0-9a-f");
    static final Alphabet HEX_ANY_CASE = of("hex", "0-9a-fA-F");
    static final Alphabet UPPER_DIGITS = of("upper-case alphanumerics", "A-Z0-9");
    static final Alphabet BASE32 = of("base32", "A-Z2-7");
    static final Alphabet LOWER_BASE32 = of("base32", "a-z2-7");
    static final Alphabet LOWER_ALNUM = of("lower-case alphanumerics", "a-z0-9");
    static final Alphabet LETTERS = of("letters", "A-Za-z");
    static final Alphabet B62 = of("base62", "A-Za-z0-9");
    static final Alphabet B64 = of("base64", "A-Za-z0-9+/");
    static final Alphabet B64U = of("base64url", "A-Za-z0-9_-");
    static final Alphabet WORD = of("word characters", "A-Za-z0-9_");
    static final Alphabet B64_PADDED = of("base64", "A-Za-z0-9+/=");
    static final Alphabet PADDING = of("padding", "=");
    /** Characters that may continue an identifier or token: a token must not be preceded by one. */
    static final Alphabet IDENTIFIER = of("identifier characters", "A-Za-z0-9_");

    final String name;
    private final long lo;
    private final long hi;
    private final boolean[] members = new boolean[128];

    private Alphabet(String name, long lo, long hi) {
        this.name = name;
        this.lo = lo;
        this.hi = hi;
        for (int c = 0; c < 128; c++) {
            members[c] = c < 64 ? (lo & (1L << c)) != 0 : (hi & (1L << (c - 64))) != 0;
        }
    }

    /** Parses ranges such as {@code A-Za-z0-9_-}; a {@code -} that ends the spec is literal. */
    static Alphabet of(String name, String spec) {
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < spec.length(); i++) {
            char from = spec.charAt(i);
            char to = from;
            if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
                to = spec.charAt(i + 2);
                i += 2;
            }
            for (char c = from; c <= to; c++) {
                if (c >= 128) {
                    throw new IllegalArgumentException("alphabet " + name + " is not ASCII");
                }
                if (c < 64) {
                    lo |= 1L << c;
                } else {
                    hi |= 1L << (c - 64);
                }
            }
        }
        return new Alphabet(name, lo, hi);
    }

    boolean contains(char c) {
        return c < 128 && members[c];
    }

    Alphabet without(char c) {
        return new Alphabet(name, c < 64 ? lo & ~(1L << c) : lo, c >= 64 ? hi & ~(1L << (c - 64)) : hi);
    }

    Alphabet union(Alphabet other) {
        return new Alphabet(name + "+" + other.name, lo | other.lo, hi | other.hi);
    }

    /** The members in ascending order; used by the fake-secret generator and the rules table. */
    String members() {
        StringBuilder sb = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (contains(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
