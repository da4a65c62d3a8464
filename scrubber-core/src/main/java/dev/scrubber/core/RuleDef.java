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
    private final List<String> notAfter = new ArrayList<>();
    private String marker;
    private Checksum checksum;
    private String unverifiedId;
    private boolean maskAfterPrefix;
    private boolean hostPrefix;
    private Checksum failing;
    private boolean randomBody;
    private boolean notTruncated;
    private String notFollowedBy = "";
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

    /**
     * A checksum that gates: a candidate whose checksum fails is not this token. Only for shapes that are common in
     * benign text; a distinctive prefix should use {@link #confirmedBy} instead.
     */
    RuleDef checksum(Checksum value) {
        checksum = value;
        return this;
    }

    /**
     * A checksum that confirms: a valid one gives this rule's label, and the rule {@code unverifiedRule} (the same
     * shape without the checksum, listed later) still masks a token whose checksum fails, because a corrupted,
     * reassembled or fabricated token with a distinctive prefix is still that secret.
     */
    RuleDef confirmedBy(Checksum value, String unverifiedRule) {
        checksum = value;
        unverifiedId = unverifiedRule;
        return this;
    }

    /**
     * The unverified twin of a rule that is {@link #confirmedBy} {@code value}: the same shape, matching only
     * where the checksum fails, so that a valid token keeps the confirmed label and disabling that rule still
     * lets valid tokens through.
     */
    /**
     * A cut-short match is not this token: for a prefix that is a common word or version-like ({@code key-},
     * {@code v1.0-}), where a short random run after it is as likely a cache key or a build id.
     */
    RuleDef notTruncated() {
        notTruncated = true;
        return this;
    }

    /** Characters that must not follow the token, where they would make it another rule's longer form. */
    RuleDef notFollowedBy(String chars) {
        notFollowedBy = chars;
        return this;
    }

    /** The body must look random (a digit, or both cases), so identifiers near a context keyword are skipped. */
    RuleDef randomBody() {
        randomBody = true;
        return this;
    }

    RuleDef checksumFails(Checksum value) {
        failing = value;
        return this;
    }

    /**
     * Prefixes that are URL paths: each is also matched as JSON writes it, with {@code \/} for {@code /}. The
     * scheme ({@code https://}) before it is optional, since the prefix is the host.
     */
    RuleDef urlPrefix(String... values) {
        hostPrefix = true;
        for (String v : values) {
            prefixes.add(v);
            prefixes.add(v.replace("/", "\\/"));
        }
        return this;
    }

    /** Literals that, right before the token, show it is something else (a {@code sha512-} integrity hash). */
    RuleDef notAfter(String... values) {
        notAfter.addAll(List.of(values));
        return this;
    }

    /** The prefix is context (a JSON key, a header name): only what follows it is masked. */
    RuleDef maskAfterPrefix() {
        maskAfterPrefix = true;
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
                verifier = new TokenVerifier(shape, anchorOffset, maskAfterPrefix);
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
        TokenShape shape = new TokenShape(prefixes, segments, marker, checksum, unverifiedId, minEntropy,
                Alphabet.IDENTIFIER)
                .notAfter(notAfter);
        if (failing != null) {
            shape.onlyFailing(failing);
        }
        if (randomBody) {
            shape.randomBody();
        }
        shape.notFollowedBy(notFollowedBy);
        if (notTruncated) {
            shape.notTruncated();
        }
        return hostPrefix ? shape.hostPrefix() : shape;
    }
}
