package dev.scrubber.core;

import java.util.Locale;

/**
 * A literal that every match of a rule provably contains. The anchor scan finds all anchors of all rules in one
 * pass; a rule's verifier runs only where one of its anchors occurs.
 *
 * @param literal the text, lower-case when {@code ignoreCase}
 * @param ignoreCase whether it matches with ASCII case folding
 */
record Anchor(String literal, boolean ignoreCase) {
    Anchor {
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("empty anchor");
        }
        if (ignoreCase) {
            literal = literal.toLowerCase(Locale.ROOT);
        }
    }

    static Anchor exact(String literal) {
        return new Anchor(literal, false);
    }

    static Anchor ignoringCase(String literal) {
        return new Anchor(literal, true);
    }

    /** Never prints the literal: for a known secret, the literal is the secret. */
    @Override
    public String toString() {
        return "Anchor[" + literal.length() + " chars]";
    }
}
