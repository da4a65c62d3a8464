package dev.scrubber.core;

/** A known secret value: the anchor is the value itself, so every occurrence is masked. */
final class LiteralVerifier implements Verifier {
    static final LiteralVerifier INSTANCE = new LiteralVerifier();

    private LiteralVerifier() {
    }

    @Override
    public long verify(CharSequence text, int anchorStart, int anchorEnd, ScanState state) {
        return Verifier.span(anchorStart, anchorEnd);
    }

    @Override
    public String describe() {
        return "exact value, also base64 and URL-encoded";
    }
}
