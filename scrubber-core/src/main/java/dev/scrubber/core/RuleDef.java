package dev.scrubber.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The small vocabulary the catalog is written in. Each built-in rule is one declarative chain, for example
 * {@code token("github-pat", "…").prefix("ghp_").run(B62, 36).checksum(CRC32_BASE62)}; {@link #build()}
 * derives the anchors from the data so that a rule can never be skipped by the prefilter.
 */
final class RuleDef {
    private enum Kind { TOKEN, NEARBY, ASSIGNMENT, CUSTOM }

    private final Kind kind;
    private final String id;
    private final String description;
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> keywords = new ArrayList<>();
    private final List<String> innerAnchors = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private final List<String> schemes = new ArrayList<>();
    private String marker;
    private Checksum checksum;
    private double minEntropy;
    private int anchorOffset;
    private int distance = 40;
    private int minLength = 1;
    private int maxLength = 256;
    private boolean requireDigit;
    private boolean operatorOptional;
    private Alphabet valueAlphabet;
    private int tiers;
    private Verifier custom;

    private RuleDef(Kind kind, String id, String description) {
        this.kind = kind;
        this.id = id;
        this.description = description;
    }

    /** A token found by its own literal prefix (or an inner literal at a fixed offset). */
    static RuleDef token(String id, String description) {
        return new RuleDef(Kind.TOKEN, id, description);
    }

    /** A prefix-less token accepted only within {@link #within(int)} characters after a context keyword. */
    static RuleDef nearby(String id, String description) {
        return new RuleDef(Kind.NEARBY, id, description);
    }

    /** A value assigned to a sensitive name; only the value is masked. */
    static RuleDef assignment(String id, String description) {
        return new RuleDef(Kind.ASSIGNMENT, id, description);
    }

    /** A structural rule with its own verifier, anchored on {@code anchors}. */
    static RuleDef structural(String id, String description, Verifier verifier) {
        RuleDef def = new RuleDef(Kind.CUSTOM, id, description);
        def.custom = verifier;
        return def;
    }

    RuleDef prefix(String... values) {
        prefixes.addAll(List.of(values));
        return this;
    }

    /** Context keywords (ASCII case-insensitive). For an assignment, the sensitive names. */
    RuleDef keywords(String... values) {
        keywords.addAll(List.of(values));
        return this;
    }

    /** Case-sensitive anchors (structural rules), or inner literals at {@code offset} (tokens). */
    RuleDef anchors(String... values) {
        innerAnchors.addAll(List.of(values));
        return this;
    }

    RuleDef anchorAt(int offset, String... values) {
        anchorOffset = offset;
        return anchors(values);
    }

    RuleDef run(Alphabet alphabet, int length) {
        return run(alphabet, length, length);
    }

    RuleDef run(Alphabet alphabet, int min, int max) {
        segments.add(Segment.run(alphabet, min, max));
        return this;
    }

    /** Up to two {@code =} of base64 padding. */
    RuleDef padding() {
        return run(Alphabet.PADDING, 0, 2);
    }

    RuleDef literal(String literal) {
        segments.add(Segment.literal(literal));
        return this;
    }

    /** A UUID-shaped run: 8-4-4-4-12 hex digits. */
    RuleDef uuid() {
        return run(Alphabet.HEX_ANY_CASE, 8).literal("-").run(Alphabet.HEX_ANY_CASE, 4).literal("-")
                .run(Alphabet.HEX_ANY_CASE, 4).literal("-").run(Alphabet.HEX_ANY_CASE, 4).literal("-")
                .run(Alphabet.HEX_ANY_CASE, 12);
    }

    RuleDef marker(String value) {
        marker = value;
        return this;
    }

    RuleDef checksum(Checksum value) {
        checksum = value;
        return this;
    }

    RuleDef entropy(double bitsPerChar) {
        minEntropy = bitsPerChar;
        return this;
    }

    RuleDef within(int chars) {
        distance = chars;
        return this;
    }

    RuleDef value(int min, int max) {
        minLength = min;
        maxLength = max;
        return this;
    }

    RuleDef valueAlphabet(Alphabet alphabet) {
        valueAlphabet = alphabet;
        return this;
    }

    RuleDef notLettersOnly() {
        requireDigit = true;
        return this;
    }

    /** The name may be followed by spaces alone, as in {@code Bearer abc}. */
    RuleDef operatorOptional() {
        operatorOptional = true;
        return this;
    }

    /**
     * An assignment whose names come from the vocabulary ({@link SensitiveKeys}): the keywords only locate a name,
     * and the rule masks values under names of the given tiers.
     */
    RuleDef names(int... vocabularyTiers) {
        for (int t : vocabularyTiers) {
            tiers |= 1 << t;
        }
        return this;
    }

    RuleDef schemes(String... values) {
        schemes.addAll(List.of(values));
        return this;
    }

    Rule build() {
        List<Anchor> anchors = new ArrayList<>();
        Verifier verifier;
        switch (kind) {
            case TOKEN -> {
                TokenShape shape = shape();
                if (innerAnchors.isEmpty()) {
                    prefixes.forEach(p -> anchors.add(Anchor.exact(p)));
                } else {
                    innerAnchors.forEach(a -> anchors.add(Anchor.exact(a)));
                }
                verifier = new TokenVerifier(shape, anchorOffset);
            }
            case NEARBY -> {
                keywords.forEach(k -> anchors.add(Anchor.ignoringCase(k)));
                verifier = new NearbyTokenVerifier(shape(), distance);
            }
            case ASSIGNMENT -> {
                keywords.forEach(k -> anchors.add(Anchor.ignoringCase(k)));
                innerAnchors.forEach(a -> anchors.add(Anchor.exact(a)));
                verifier = new KeywordValueVerifier(minLength, maxLength, minEntropy, requireDigit, operatorOptional,
                        schemes, valueAlphabet, tiers);
            }
            default -> {
                innerAnchors.forEach(a -> anchors.add(Anchor.exact(a)));
                keywords.forEach(k -> anchors.add(Anchor.ignoringCase(k)));
                verifier = custom;
            }
        }
        return new Rule(id, description, anchors, verifier);
    }

    private TokenShape shape() {
        return new TokenShape(prefixes, segments, marker, checksum, minEntropy, Alphabet.IDENTIFIER);
    }
}
