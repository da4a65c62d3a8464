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
    /** A block cut short is key material only if some body follows its header. */
    private static final int MIN_TRUNCATED_BODY = 16;

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
                    return truncated(s, start, bodyStart, p); // the body ended without an END line
                }
                continue;
            }
            if (Text.matchesAt(s, p + 5, "END", false)) {
                int end = p + 8 + Text.run(s, p + 8, LABEL, 48);
                return Verifier.span(start, Text.matchesAt(s, end, "-----", false) ? end + 5 : end);
            }
            return truncated(s, start, bodyStart, p); // the next BEGIN: this block was cut short
        }
        return truncated(s, start, bodyStart, limit);
    }

    private static long truncated(CharSequence s, int start, int bodyStart, int end) {
        int base64 = 0;
        for (int p = bodyStart; p < end && base64 < MIN_TRUNCATED_BODY; p++) {
            if (Alphabet.B64.contains(s.charAt(p))) {
                base64++;
            }
        }
        return base64 < MIN_TRUNCATED_BODY ? NONE : Verifier.span(start, end);
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
            int hex = Text.run(s, p, Alphabet.HEX_ANY_CASE, 128);
            if (hex >= 32) {
                return Verifier.span(start, p + hex);
            }
        }
        int lines = Text.indexOf(s, "Private-Lines:", anchorEnd, limit);
        if (lines < 0) {
            return NONE;
        }
        int p = lines;
        while (p < limit && BODY.contains(s.charAt(p))) {
            p++;
        }
        return truncated(s, start, lines + 14, p);
    }

    @Override
    public String describe() {
        return putty ? "PuTTY key header through the `Private-MAC` line"
                : "`-----BEGIN … PRIVATE KEY-----` through the matching END line (also with `\\n` escapes);"
                        + " a truncated block is masked through its body";
    }
}
