package dev.scrubber.core;

/** A known secret value: the anchor is the value itself, so every occurrence is masked. */
final class LiteralVerifier implements Verifier {
    static final LiteralVerifier INSTANCE = new LiteralVerifier(false);
    /**
     * For values learned from earlier maskings: an occurrence inside a longer run of letters and digits is not the
     * value (a learned hex fragment must not mask the middle of a git SHA), so both ends must be token boundaries.
     */
    static final LiteralVerifier WHOLE_TOKEN = new LiteralVerifier(true);

    private final boolean wholeToken;

    private LiteralVerifier(boolean wholeToken) {
        this.wholeToken = wholeToken;
    }

    @Override
    public long verify(CharSequence text, int anchorStart, int anchorEnd, ScanState state) {
        if (wholeToken && (gluedAt(text, anchorStart - 1, anchorStart) || gluedAt(text, anchorEnd, anchorEnd - 1))) {
            return NONE;
        }
        return Verifier.span(anchorStart, anchorEnd);
    }

    /** Whether the character at {@code outside} continues the alphanumeric run that ends the value at {@code inside}. */
    private static boolean gluedAt(CharSequence text, int outside, int inside) {
        return outside >= 0 && outside < text.length() && Character.isLetterOrDigit(text.charAt(outside))
                && Character.isLetterOrDigit(text.charAt(inside));
    }

    @Override
    public String describe() {
        return wholeToken ? "exact value learned from an earlier masking, as a whole token"
                : "exact value, also base64 and URL-encoded";
    }
}
