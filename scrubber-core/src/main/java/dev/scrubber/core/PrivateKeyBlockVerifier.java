package dev.scrubber.core;

/**
 * A private-key block: PEM ({@code -----BEGIN … PRIVATE KEY-----} to its {@code -----END …-----} line, also with
 * JSON {@code \n} escapes) or a PuTTY key file (header to the {@code Private-MAC} line). A block whose end is
 * missing (a truncated message) is masked through its body, so that no key material is left.
 */
final class PrivateKeyBlockVerifier implements Verifier {
    private static final Alphabet LABEL = Alphabet.of("label", "A-Z0-9 ");
    private static final Alphabet BODY = Alphabet.of("key body", "A-Za-z0-9+/=\\ \t\r\n:,.-");
    private static final int MAX_BLOCK = 64 * 1024;

    private final boolean putty;

    PrivateKeyBlockVerifier(boolean putty) {
        this.putty = putty;
    }

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        return putty ? verifyPutty(s, anchorStart, anchorEnd) : verifyPem(s, anchorStart, anchorEnd);
    }

    private long verifyPem(CharSequence s, int start, int anchorEnd) {
        int labelEnd = anchorEnd + Text.run(s, anchorEnd, LABEL, 48);
        String tail = Text.matchesAt(s, labelEnd - 6, " BLOCK", false) ? "PRIVATE KEY BLOCK" : "PRIVATE KEY";
        if (!Text.matchesAt(s, labelEnd - tail.length(), tail, false) || !Text.matchesAt(s, labelEnd, "-----", false)) {
            return NONE;
        }
        int bodyStart = labelEnd + 5;
        int limit = Math.min(s.length(), start + MAX_BLOCK);
        for (int p = bodyStart; p < limit; p++) {
            if (s.charAt(p) != '-' || !Text.matchesAt(s, p, "-----", false)) {
                if (!BODY.contains(s.charAt(p))) {
                    return Verifier.span(start, p); // the body ended without an END line
                }
                continue;
            }
            if (Text.matchesAt(s, p + 5, "END", false)) {
                int end = p + 8 + Text.run(s, p + 8, LABEL, 48);
                return Verifier.span(start, Text.matchesAt(s, end, "-----", false) ? end + 5 : end);
            }
            return Verifier.span(start, p); // the next BEGIN: this block was cut short
        }
        return Verifier.span(start, limit);
    }

    private long verifyPutty(CharSequence s, int start, int anchorEnd) {
        if (!Text.matchesAt(s, anchorEnd, "2:", false) && !Text.matchesAt(s, anchorEnd, "3:", false)) {
            return NONE;
        }
        int limit = Math.min(s.length(), start + MAX_BLOCK);
        int mac = Text.indexOf(s, "Private-MAC:", anchorEnd, limit);
        if (mac >= 0) {
            int p = mac + 12;
            while (p < limit && s.charAt(p) == ' ') {
                p++;
            }
            return Verifier.span(start, p + Text.run(s, p, Alphabet.HEX_ANY_CASE, 128));
        }
        int p = anchorEnd;
        while (p < limit && (BODY.contains(s.charAt(p)) || Alphabet.LETTERS.contains(s.charAt(p)))) {
            p++;
        }
        return Verifier.span(start, p);
    }

    @Override
    public String describe() {
        return putty ? "PuTTY key header through the `Private-MAC` line"
                : "`-----BEGIN … PRIVATE KEY-----` through the matching END line (also with `\\n` escapes);"
                        + " a truncated block is masked through its body";
    }
}
