package dev.scrubber.core;

/** One part of a token's shape: a fixed literal, or a run of an alphabet with a length range. */
final class Segment {
    final String literal;
    final Alphabet alphabet;
    final int min;
    final int max;

    private Segment(String literal, Alphabet alphabet, int min, int max) {
        this.literal = literal;
        this.alphabet = alphabet;
        this.min = min;
        this.max = max;
    }

    static Segment literal(String literal) {
        return new Segment(literal, null, literal.length(), literal.length());
    }

    static Segment run(Alphabet alphabet, int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad length range " + min + ".." + max);
        }
        return new Segment(null, alphabet, min, max);
    }

    boolean isLiteral() {
        return literal != null;
    }

    @Override
    public String toString() {
        if (isLiteral()) {
            return "`" + literal + "`";
        }
        return (min == max ? Integer.toString(min) : min + "–" + max) + " " + alphabet.name;
    }
}
