package dev.scrubber.core;

import java.util.List;

/**
 * A value assigned to a sensitive name: {@code password=…}, {@code "apiKey": "…"}, {@code <secret>…</secret>},
 * {@code Authorization: Bearer …}. The anchor is the name (ASCII case-insensitive); only the value is masked.
 *
 * <p>Grammar after the name: up to two closing quote characters, optional spaces, an operator ({@code =},
 * {@code :}, {@code :=}, {@code =>}, {@code >}; or just spaces when the rule allows it), optional spaces, an
 * optional opening quote, an optional scheme word ({@code Bearer}), then the value. The name must end its
 * identifier: {@code password_hash=} is not a password.
 */
final class KeywordValueVerifier implements Verifier {
    /** Characters that end an unquoted value. */
    private static final Alphabet TERMINATORS = Alphabet.of("terminators", " \t\r\n\"'`,;&(){}[]<>\\|");
    private static final int MAX_SPACES = 3;

    final int minLength;
    final int maxLength;
    final double minEntropy;
    final boolean requireDigit;
    final boolean operatorOptional;
    final List<String> schemes;
    final Alphabet valueAlphabet;

    KeywordValueVerifier(int minLength, int maxLength, double minEntropy, boolean requireDigit,
            boolean operatorOptional, List<String> schemes, Alphabet valueAlphabet) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.minEntropy = minEntropy;
        this.requireDigit = requireDigit;
        this.operatorOptional = operatorOptional;
        this.schemes = List.copyOf(schemes);
        this.valueAlphabet = valueAlphabet;
    }

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        int n = s.length();
        int p = anchorEnd;
        boolean spacedOperator = false;
        char last = s.charAt(anchorEnd - 1);
        if (last != '=' && last != ':') {
            // The anchor is a bare name: it must end the name, then comes an operator.
            if (p < n && Alphabet.IDENTIFIER.contains(s.charAt(p))) {
                return NONE; // password_hash= is not a password
            }
            for (int q = 0; q < 2 && p < n && (s.charAt(p) == '"' || s.charAt(p) == '\'' || s.charAt(p) == '\\');
                    q++) {
                p++;
            }
            int afterName = p;
            p = skipSpaces(s, p);
            spacedOperator = p > afterName;
            boolean sawOperator = false;
            if (p < n && (s.charAt(p) == '=' || s.charAt(p) == ':' || s.charAt(p) == '>')) {
                p++;
                sawOperator = true;
                if (p < n && (s.charAt(p) == '=' || s.charAt(p) == '>')) {
                    p++;
                }
            }
            if (!sawOperator && !(operatorOptional && p > afterName)) {
                return NONE;
            }
        }
        p = skipSpaces(s, p);
        char quote = 0;
        boolean escapedQuote = false;
        if (p + 1 < n && s.charAt(p) == '\\' && s.charAt(p + 1) == '"') {
            quote = '"';
            escapedQuote = true;
            p += 2;
        } else if (p < n && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
            quote = s.charAt(p);
            p++;
        }
        p = skipScheme(s, p);
        boolean opened = quote != 0;
        int valueStart = p;
        int limit = Math.min(n, valueStart + maxLength);
        while (p < limit && !endsValue(s, p, quote, escapedQuote)) {
            p++;
        }
        if (quote != 0 && (p >= n || s.charAt(p) != (escapedQuote ? '\\' : quote))) {
            // No closing quote: read it as an unquoted value rather than swallowing the rest of the line.
            quote = 0;
            p = valueStart;
            while (p < limit && !endsValue(s, p, (char) 0, false)) {
                p++;
            }
        }
        int valueEnd = p;
        if (valueEnd - valueStart < minLength || p < n && s.charAt(p) == '(' && quote == 0) {
            return NONE; // too short, or a call such as getPassword()
        }
        if (Placeholders.isPlaceholder(s, valueStart, valueEnd, valueAlphabet == null) || Placeholders.followedByMask(s, valueEnd)) {
            return NONE;
        }
        if (opened && Character.isWhitespace(s.charAt(valueStart)) || isSchemeWord(s, valueStart, valueEnd)) {
            return NONE; // "key: " + variable: source code, not a quoted credential
        }
        boolean lettersOnly = !hasDigitOrSymbol(s, valueStart, valueEnd);
        if (lettersOnly && (requireDigit || !opened && (spacedOperator || isProse(s, valueStart, valueEnd)))) {
            return NONE; // "for (String secret : secrets)" is code, "secret: the vault is sealed" is prose
        }
        if (minEntropy > 0 && Entropy.bitsPerChar(s, valueStart, valueEnd, state.counts) < minEntropy) {
            return NONE;
        }
        return Verifier.span(valueStart, valueEnd);
    }

    private boolean endsValue(CharSequence s, int p, char quote, boolean escapedQuote) {
        char c = s.charAt(p);
        if (quote != 0) {
            if (valueAlphabet != null && !valueAlphabet.contains(c)) {
                return true; // a typed value ends at its alphabet even inside quotes
            }
            if (escapedQuote) {
                return c == '\\' && p + 1 < s.length() && s.charAt(p + 1) == '"';
            }
            return c == quote || c == '\n' || c == '\r';
        }
        if (valueAlphabet != null) {
            return !valueAlphabet.contains(c);
        }
        return TERMINATORS.contains(c) || c < ' ';
    }

    private int skipScheme(CharSequence s, int p) {
        for (String scheme : schemes) {
            if (Text.matchesAt(s, p, scheme, true)) {
                int q = p + scheme.length();
                if (q < s.length() && s.charAt(q) == ' ') {
                    return skipSpaces(s, q);
                }
                if (Text.matchesAt(s, q, "%20", false)) {
                    return q + 3;
                }
            }
        }
        return p;
    }

    /** The scheme word alone ({@code Authorization: Bearer}, with no credential after it). */
    private boolean isSchemeWord(CharSequence s, int from, int to) {
        for (String scheme : schemes) {
            if (scheme.length() == to - from && Text.matchesAt(s, from, scheme, true)) {
                return true;
            }
        }
        return false;
    }

    /** A short word, or a word followed by more words: a sentence, not a password. */
    private static boolean isProse(CharSequence s, int from, int to) {
        if (to - from < 6) {
            return true;
        }
        return to + 1 < s.length() && s.charAt(to) == ' ' && Alphabet.LETTERS.contains(s.charAt(to + 1));
    }

    private static int skipSpaces(CharSequence s, int p) {
        int limit = Math.min(s.length(), p + MAX_SPACES);
        while (p < limit && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    private static boolean hasDigitOrSymbol(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Alphabet.LETTERS.contains(c) && c != '_' && c != '-' && c != '.') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("name = value");
        if (!schemes.isEmpty()) {
            sb.append(" (scheme word kept)");
        }
        sb.append("; value ").append(minLength).append('–').append(maxLength).append(" chars");
        if (requireDigit) {
            sb.append(", not letters only");
        }
        if (minEntropy > 0) {
            sb.append(", entropy ≥ ").append(minEntropy);
        }
        return sb.append("; placeholders skipped").toString();
    }
}
