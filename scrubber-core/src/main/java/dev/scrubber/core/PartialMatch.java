package dev.scrubber.core;

/**
 * Matches part of a token against its {@link TokenShape}: whether a run could be the <em>start</em> of a token
 * (the text ended before the token did) or the <em>tail</em> of one (the text began after the token did). Both walk
 * the shape's own data (prefixes, literal and alphabet segments with their length ranges, marker) greedily, the
 * way {@link TokenShape#matchBody} does, so what counts as a partial token follows from the catalog.
 */
final class PartialMatch {
    /** Not the start of a token of this shape. */
    static final int NONE = 0;
    /** Could be the start: more characters may follow. */
    static final int OPEN = 1;
    /** Already a whole token (marker included); {@link #OPEN} may be set too when the shape allows a longer one. */
    static final int COMPLETE = 2;
    /** A whole literal prefix is present, with at least one body character after it. */
    static final int PAST_PREFIX = 4;

    private PartialMatch() {
    }

    /** How {@code s[from, to)} matches as the beginning of a token of {@code shape}: a combination of the flags. */
    static int start(TokenShape shape, CharSequence s, int from, int to) {
        if (shape.prefixes.isEmpty()) {
            return body(shape, s, from, to);
        }
        int result = NONE;
        int n = to - from;
        for (int pi = 0; pi < shape.prefixes.size(); pi++) { // indexed: no iterator
            String prefix = shape.prefixes.get(pi);
            if (n <= prefix.length()) {
                if (Text.matchesAt(s, from, prefix, n, false)) {
                    result |= OPEN;
                }
            } else if (Text.matchesAt(s, from, prefix, false)) {
                int b = body(shape, s, from + prefix.length(), to);
                if (b != NONE) {
                    result |= b | PAST_PREFIX;
                }
            }
        }
        return result;
    }

    /** Matches {@code s[from, to)} against the segments (the body after the prefix). */
    private static int body(TokenShape shape, CharSequence s, int from, int to) {
        Segment[] segments = shape.segments;
        int pos = from;
        for (int k = 0; k < segments.length; k++) {
            Segment seg = segments[k];
            if (seg.isLiteral()) {
                int m = Math.min(seg.literal.length(), to - pos);
                if (!Text.matchesAt(s, pos, seg.literal, m, false)) {
                    return NONE;
                }
                pos += m;
                if (m < seg.literal.length()) {
                    return OPEN; // the text ends inside the literal
                }
                continue;
            }
            int r = Text.run(s, pos, seg.alphabet, Math.min(seg.max, to - pos));
            if (pos + r == to) {
                // The text ends inside this run (or right at its end).
                int result = r < seg.max || k + 1 < segments.length ? OPEN : NONE;
                if (r >= seg.min && restMayBeEmpty(segments, k + 1) && hasMarker(shape, s, from, to)) {
                    result |= COMPLETE;
                }
                return result;
            }
            if (r < seg.min) {
                return NONE;
            }
            pos += r;
        }
        return pos == to && hasMarker(shape, s, from, to) ? COMPLETE : NONE;
    }

    private static boolean restMayBeEmpty(Segment[] segments, int from) {
        for (int k = from; k < segments.length; k++) {
            if (segments[k].min > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasMarker(TokenShape shape, CharSequence s, int from, int to) {
        return shape.marker == null || Text.indexOf(s, shape.marker, from, to) >= 0;
    }

    /**
     * Whether {@code s[from, to)} can only be the tail of a token of {@code shape} whose beginning is missing: a
     * proper suffix of some match that still holds something distinctive, the marker (OpenAI's {@code T3BlbkFJ})
     * or a literal of at least {@link #DISTINCT_LITERAL} characters, or a shorter fixed literal (Anthropic's
     * {@code AA} tail) at the end of a fixed-length run that the tail fills for at least
     * {@link #MIN_ANONYMOUS_TAIL} characters of mixed-case letters and digits.
     */
    static boolean tail(TokenShape shape, CharSequence s, int from, int to) {
        Segment[] segments = shape.segments;
        int pos = to;
        boolean distinctive = shape.marker != null && Text.indexOf(s, shape.marker, from, to) >= 0;
        boolean shortLiteral = false;
        for (int k = segments.length - 1; k >= 0; k--) {
            Segment seg = segments[k];
            if (seg.isLiteral()) {
                int len = seg.literal.length();
                int m = Math.min(len, pos - from);
                if (!endMatches(s, pos - m, seg.literal, m)) {
                    return false;
                }
                pos -= m;
                if (m == len) {
                    distinctive |= len >= DISTINCT_LITERAL;
                    shortLiteral |= len >= 2 && k > 0 && segments[k - 1].min == segments[k - 1].max;
                }
                if (pos == from) {
                    return distinctive(distinctive, shortLiteral, s, from, to) && (k > 0 || m < len
                            || !shape.prefixes.isEmpty());
                }
                continue;
            }
            int r = 0;
            while (r < seg.max && pos - r > from && seg.alphabet.contains(s.charAt(pos - r - 1))) {
                r++;
            }
            if (pos - r == from) {
                // The tail begins inside this run: a proper suffix unless it is the whole first run of a
                // prefix-less shape (then it is a whole token, found by the ordinary scan).
                boolean proper = r < seg.max || k > 0 || !shape.prefixes.isEmpty();
                return proper && distinctive(distinctive, shortLiteral, s, from, to);
            }
            if (r < seg.min) {
                return false;
            }
            pos -= r;
        }
        // Every segment matched and characters remain: they must be the end of a prefix, not all of it.
        for (int pi = 0; pi < shape.prefixes.size(); pi++) { // indexed: no iterator
            String prefix = shape.prefixes.get(pi);
            int n = pos - from;
            if (n < prefix.length() && endMatches(s, from, prefix, n)) {
                return distinctive(distinctive, shortLiteral, s, from, to);
            }
        }
        return false;
    }

    /** Whether the last {@code n} characters of {@code literal} occur at {@code at}. */
    private static boolean endMatches(CharSequence s, int at, String literal, int n) {
        int offset = literal.length() - n;
        for (int i = 0; i < n; i++) {
            if (s.charAt(at + i) != literal.charAt(offset + i)) {
                return false;
            }
        }
        return true;
    }

    /** A literal at least this long (such as OpenAI's marker) identifies a tail on its own. */
    static final int DISTINCT_LITERAL = 4;
    /** A tail identified only by a short fixed literal must be at least this long. */
    static final int MIN_ANONYMOUS_TAIL = 32;

    private static boolean distinctive(boolean distinctive, boolean shortLiteral, CharSequence s, int from, int to) {
        if (distinctive) {
            return true;
        }
        if (!shortLiteral || to - from < MIN_ANONYMOUS_TAIL) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return upper && lower && digit;
    }
}
