package dev.scrubber.core;

/**
 * A token found through its anchor: usually the anchor is the token's prefix and the shape is matched right
 * after it; for formats whose distinctive literal sits inside (Azure CASK keys, Entra secrets), the anchor is at
 * a fixed {@code anchorOffset} and the whole shape is matched from there back.
 */
final class TokenVerifier implements Verifier {
    final TokenShape shape;
    final int anchorOffset;

    TokenVerifier(TokenShape shape, int anchorOffset) {
        this.shape = shape;
        this.anchorOffset = anchorOffset;
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
        return end < 0 ? NONE : Verifier.span(start, end);
    }

    @Override
    public String describe() {
        return shape.describe() + "; not inside a longer run";
    }
}
