package dev.scrubber.core;

import java.util.List;

/**
 * One credential format as data: a stable id, what it detects, the anchors its matches provably contain, and
 * the verifier that confirms a candidate at an anchor hit.
 */
final class Rule {
    final String id;
    final String description;
    final List<Anchor> anchors;
    final Verifier verifier;

    Rule(String id, String description, List<Anchor> anchors, Verifier verifier) {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " has no anchor");
        }
        this.id = id;
        this.description = description;
        this.anchors = List.copyOf(anchors);
        this.verifier = verifier;
    }

    /**
     * Whether the rule needed context to decide (a name, a keyword, an id): its values are searched for elsewhere
     * in the text ({@link Copies}) and may be learned ({@link LearnedSecrets}).
     */
    boolean contextual() {
        return verifier instanceof KeywordValueVerifier || verifier instanceof NearbyTokenVerifier
                || verifier instanceof UriPasswordVerifier || verifier instanceof CliPasswordVerifier;
    }

    /** Length of the public prefix at {@code start} that the partial mask style may keep (e.g. {@code sk-proj-}). */
    int publicPrefixLength(CharSequence text, int start) {
        if (verifier instanceof TokenVerifier token) {
            for (String prefix : token.shape.prefixes) {
                if (Text.matchesAt(text, start, prefix, false)) {
                    return prefix.length();
                }
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "Rule[" + id + "]";
    }
}
