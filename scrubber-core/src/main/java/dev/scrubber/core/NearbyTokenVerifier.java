package dev.scrubber.core;

/**
 * A token with no distinctive prefix of its own, accepted only when a context keyword (a provider name, an
 * environment variable, a header) precedes it within {@code distance} characters.
 */
final class NearbyTokenVerifier implements Verifier {
    final TokenShape shape;
    final int distance;

    NearbyTokenVerifier(TokenShape shape, int distance) {
        this.shape = shape;
        this.distance = distance;
    }

    @Override
    public long verify(CharSequence text, int anchorStart, int anchorEnd, ScanState state) {
        int limit = Math.min(text.length(), anchorEnd + distance);
        for (int p = anchorEnd; p < limit; p++) {
            if (!Text.leftBoundary(text, p, shape.boundary)) {
                continue;
            }
            int end = shape.matchAt(text, p, state);
            if (end >= 0) {
                return Verifier.span(p, end);
            }
        }
        return NONE;
    }

    @Override
    public String describe() {
        return shape.describe() + "; within " + distance + " characters after the keyword";
    }
}
