package dev.scrubber.core;

/**
 * A token found through its anchor: usually the anchor is the token's prefix and the shape is matched right
 * after it; for formats whose distinctive literal sits inside (Azure CASK keys, Entra secrets), the anchor is at
 * a fixed {@code anchorOffset} and the whole shape is matched from there back.
 */
final class TokenVerifier implements Verifier {
    final TokenShape shape;
    final int anchorOffset;
    /** Whether the prefix is context (a JSON key) and only the rest is masked. */
    final boolean maskAfterPrefix;

    TokenVerifier(TokenShape shape, int anchorOffset) {
        this(shape, anchorOffset, false);
    }

    TokenVerifier(TokenShape shape, int anchorOffset, boolean maskAfterPrefix) {
        this.shape = shape;
        this.anchorOffset = anchorOffset;
        this.maskAfterPrefix = maskAfterPrefix;
    }

    @Override
    public long verify(CharSequence text, int anchorStart, int anchorEnd, ScanState state) {
        int start = anchorStart - anchorOffset;
        if (start < 0) {
            return NONE;
        }
        int end = anchorOffset == 0 && !shape.prefixes.isEmpty()
                ? shape.matchBody(text, start, anchorEnd, state)
                : shape.matchAt(text, start, state);
        if (end < 0) {
            return NONE;
        }
        return Verifier.span(maskAfterPrefix ? anchorEnd : start, end);
    }

    @Override
    public String describe() {
        return shape.describe() + "; not inside a longer run" + (maskAfterPrefix ? "; only the value is masked" : "");
    }
}
