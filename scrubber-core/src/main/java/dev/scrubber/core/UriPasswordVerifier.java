package dev.scrubber.core;

/** The password in a URI's user-info, {@code scheme://user:PASSWORD@host}; only the password is masked. */
final class UriPasswordVerifier implements Verifier {
    private static final Alphabet SCHEME = Alphabet.of("scheme", "A-Za-z0-9+.-");
    private static final Alphabet END_OF_AUTHORITY = Alphabet.of("authority end", " \t\r\n\"'<>\\/?#`");
    private static final int MAX_USERINFO = 256;

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        int schemeStart = anchorStart;
        while (schemeStart > 0 && anchorStart - schemeStart < 32 && SCHEME.contains(s.charAt(schemeStart - 1))) {
            schemeStart--;
        }
        if (anchorStart - schemeStart < 2 || !Alphabet.LETTERS.contains(s.charAt(schemeStart))) {
            return NONE;
        }
        int limit = Math.min(s.length(), anchorEnd + MAX_USERINFO);
        int colon = -1;
        int at = -1;
        for (int p = anchorEnd; p < limit; p++) {
            char c = s.charAt(p);
            if (c < ' ' || END_OF_AUTHORITY.contains(c)) {
                break;
            }
            if (c == ':' && colon < 0) {
                colon = p;
            } else if (c == '@') {
                at = p;
            }
        }
        if (colon < 0 || at < colon + 2) {
            return NONE;
        }
        if (Placeholders.isPlaceholder(s, colon + 1, at)) {
            return NONE;
        }
        return Verifier.span(colon + 1, at);
    }

    @Override
    public String describe() {
        return "`scheme://user:password@host`; only the password is masked; placeholders skipped";
    }
}
