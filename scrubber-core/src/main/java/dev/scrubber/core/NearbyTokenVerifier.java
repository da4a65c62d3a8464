package dev.scrubber.core;

/**
 * A token with no distinctive prefix of its own, accepted only when context precedes it within {@code distance}
 * characters: a keyword (a provider name, an environment variable, a header), or, for a secret that travels with
 * an id ({@link #pair}), the id itself ({@code AKIA…:secret}, {@code LTAI…, secret}).
 */
final class NearbyTokenVerifier implements Verifier {
    private static final String PAIR_SEPARATORS = ":/ ,;|=\t";

    final TokenShape shape;
    final int distance;
    /** For a pair: the id that must match at the anchor, and the secret that follows it. */
    final TokenShape id;
    final Alphabet secretAlphabet;
    final int secretLength;
    final double secretEntropy;

    NearbyTokenVerifier(TokenShape shape, int distance) {
        this(shape, distance, null, null, 0, 0);
    }

    private NearbyTokenVerifier(TokenShape shape, int distance, TokenShape id, Alphabet secretAlphabet,
            int secretLength, double secretEntropy) {
        this.shape = shape;
        this.distance = distance;
        this.id = id;
        this.secretAlphabet = secretAlphabet;
        this.secretLength = secretLength;
        this.secretEntropy = secretEntropy;
    }

    /**
     * The secret that follows an id: directly after one separator ({@code :}, {@code /}, a blank, {@code ,}) or
     * anywhere within {@code distance} characters, as exactly {@code length} characters of {@code alphabet} with at
     * least {@code entropy} bits per character (which keeps hex digests such as git SHAs out for base64 secrets).
     */
    static NearbyTokenVerifier pair(TokenShape id, Alphabet alphabet, int length, double entropy, int distance) {
        return new NearbyTokenVerifier(null, distance, id, alphabet, length, entropy);
    }

    @Override
    public long verify(CharSequence text, int anchorStart, int anchorEnd, ScanState state) {
        if (id != null) {
            return verifyPair(text, anchorStart, state);
        }
        if (Placeholders.insideMask(text, anchorStart)) {
            return NONE; // the keyword is a rule id in one of our masks
        }
        int limit = Math.min(text.length(), anchorEnd + distance);
        for (int p = anchorEnd; p < limit; p++) {
            if (Placeholders.followedByMask(text, p)) {
                return NONE; // the keyword's value is masked already: what follows the mask is another value
            }
            if (!Text.leftBoundary(text, p, shape.boundary)) {
                continue;
            }
            int end = shape.matchAt(text, p, state);
            if (end >= 0 && !(shape.prefixes.isEmpty() && (joined(text, p - 1, p - 2) || joined(text, end, end + 1)))) {
                return Verifier.span(p, end);
            }
        }
        return NONE;
    }

    /**
     * Whether a joiner at {@code at} ({@code - _ .}) glues the token to more letters or digits at {@code next}: then
     * it is one part of a longer identifier ({@code Root=1-5c888e8a-5b595aae…}, {@code ….json}), not a token of a
     * shape that has no prefix to tell it apart.
     */
    private static boolean joined(CharSequence text, int at, int next) {
        return at >= 0 && next >= 0 && next < text.length() && "-_.".indexOf(text.charAt(at)) >= 0
                && Character.isLetterOrDigit(text.charAt(next));
    }

    private long verifyPair(CharSequence text, int anchorStart, ScanState state) {
        int idEnd = id.matchAt(text, anchorStart, state);
        if (idEnd < 0) {
            return NONE;
        }
        int limit = Math.min(text.length() - secretLength, idEnd + distance);
        for (int p = idEnd + 1; p <= limit; p++) {
            if (Placeholders.followedByMask(text, p - 1)) {
                return NONE;
            }
            char before = text.charAt(p - 1);
            boolean adjacent = p == idEnd + 1 && PAIR_SEPARATORS.indexOf(before) >= 0;
            if (!adjacent && (secretAlphabet.contains(before) || Alphabet.IDENTIFIER.contains(before))) {
                continue;
            }
            int run = Text.run(text, p, secretAlphabet, secretLength + 1);
            if (run == secretLength && Entropy.bitsPerChar(text, p, p + run, state.counts) >= secretEntropy) {
                return Verifier.span(p, p + run);
            }
        }
        return NONE;
    }

    @Override
    public String describe() {
        if (id != null) {
            return secretLength + " " + secretAlphabet.name + " characters, entropy ≥ " + secretEntropy
                    + ", right after or within " + distance + " characters after " + id.describe();
        }
        return shape.describe() + "; within " + distance + " characters after the keyword";
    }
}
