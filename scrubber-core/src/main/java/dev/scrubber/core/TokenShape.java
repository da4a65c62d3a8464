package dev.scrubber.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The declarative shape of a token: literal prefixes, then segments (literal or bounded alphabet runs), plus
 * optional checks (a required marker, a checksum, a minimum entropy). Matching is greedy and never backtracks;
 * {@link #TokenShape} rejects shapes where that would be ambiguous.
 *
 * <p>Three rules apply to every prefixed shape, because they describe how tokens appear in logs rather than any one
 * format:
 * <ul>
 *   <li><b>Truncated tokens</b> are still secrets: a distinctive prefix followed by a random-looking run that stops
 *       at the end of the text or at a wire-log terminator ({@code [\r][\n]"}, a closing quote, an ellipsis) is
 *       masked even when it is shorter than the format. The run must be at least {@link #minTruncatedBody}
 *       characters, so a prefix mentioned in prose stays untouched.</li>
 *   <li><b>Placeholders</b> are not secrets: a prefix followed by one repeated character ({@code hf_xxxx…}), or a
 *       body that says {@code your…} or ends in {@code …here}.</li>
 *   <li><b>File names</b> are not tokens: a short lower-case prefix glued to a dotted name
 *       ({@code video_box.ico-…}) or followed by a file extension ({@code ….png}).</li>
 * </ul>
 */
final class TokenShape {
    /** Shortest prefix that may stand for a truncated token. */
    private static final int MIN_TRUNCATION_PREFIX = 3;

    final List<String> prefixes;
    final Segment[] segments;
    final String marker;
    final Checksum checksum;
    /** The rule that masks this shape when its checksum fails, or null when the checksum gates. */
    final String unverifiedRule;
    /** This shape is the unverified twin of a checksummed one: it matches only where the checksum fails. */
    private boolean onlyFailingChecksum;
    final double minEntropy;
    final Alphabet boundary;
    final int maxLength;
    /** What must not precede the token: the boundary, or only identifier characters when the prefix is a host. */
    private Alphabet leftBoundary;
    /** Whether the body must look random (a digit, or both cases): for context rules with a generic shape. */
    private boolean randomBody;
    /** Literals that must not end right before the token. */
    private String[] notAfter = new String[0];
    private Checksum twinChecksum;
    /** Characters that must not follow the token: it would then be part of another rule's longer form. */
    private String notFollowedBy = "";
    /** Whether a match ending at a terminator before the full shape counts (prefixed shapes only). */
    boolean truncatable;

    TokenShape(List<String> prefixes, List<Segment> segments, String marker, Checksum checksum,
            String unverifiedRule, double minEntropy, Alphabet boundary) {
        if (segments.stream().allMatch(Segment::isLiteral)) {
            throw new IllegalArgumentException("a token shape needs at least one alphabet run");
        }
        this.prefixes = List.copyOf(prefixes);
        this.segments = segments.toArray(new Segment[0]);
        this.marker = marker;
        this.checksum = checksum;
        this.unverifiedRule = unverifiedRule;
        this.minEntropy = minEntropy;
        Alphabet b = boundary;
        int longestPrefix = 0;
        int shortestPrefix = Integer.MAX_VALUE;
        for (String p : prefixes) {
            longestPrefix = Math.max(longestPrefix, p.length());
            shortestPrefix = Math.min(shortestPrefix, p.length());
        }
        int max = longestPrefix;
        for (int i = 0; i < this.segments.length; i++) {
            Segment s = this.segments[i];
            max += s.max;
            if (!s.isLiteral()) {
                b = b.union(s.alphabet);
                Segment next = i + 1 < this.segments.length ? this.segments[i + 1] : null;
                if (next != null && next.isLiteral() && s.alphabet.contains(next.literal.charAt(0)) && s.min != s.max) {
                    throw new IllegalArgumentException("ambiguous shape: a variable run is followed by "
                            + next.literal + ", which starts with one of its own characters");
                }
            }
        }
        // '=' before a token is an assignment and after it is padding the shape already consumed.
        this.boundary = b.without('=');
        this.leftBoundary = this.boundary;
        this.maxLength = max;
        this.truncatable = !prefixes.isEmpty() && shortestPrefix >= MIN_TRUNCATION_PREFIX;
    }

    /** The prefix is a URL's host, so the token may follow {@code https://} or {@code https:\/\/}. */
    TokenShape hostPrefix() {
        leftBoundary = Alphabet.IDENTIFIER;
        return this;
    }

    /** The prefix is a word or version-like ({@code key-}, {@code v1.0-}): a short run after it is not a cut token. */
    TokenShape notTruncated() {
        truncatable = false;
        return this;
    }

    TokenShape randomBody() {
        randomBody = true;
        return this;
    }

    /** Makes this the unverified twin of a shape with {@code checksum}: it matches where the checksum fails. */
    TokenShape onlyFailing(Checksum value) {
        if (checksum != null) {
            throw new IllegalArgumentException("a twin has no checksum of its own");
        }
        twinChecksum = value;
        onlyFailingChecksum = true;
        return this;
    }

    TokenShape notFollowedBy(String chars) {
        notFollowedBy = chars;
        return this;
    }

    TokenShape notAfter(List<String> literals) {
        notAfter = literals.toArray(new String[0]);
        return this;
    }

    /**
     * The shortest body a truncated token may have after a prefix of {@code prefixLength} characters: the shorter
     * (less distinctive) the prefix, the more random characters it takes.
     */
    static int minTruncatedBody(int prefixLength) {
        return Math.max(12, 20 - 2 * prefixLength); // 12: longer than any sub-prefix (`admin01-`, `api03-`)
    }

    /** Matches the segments from {@code bodyStart}; the token starts at {@code start}. Returns the end or -1. */
    int matchBody(CharSequence s, int start, int bodyStart, ScanState state) {
        if (!Text.leftBoundary(s, start, leftBoundary)) {
            return -1;
        }
        for (int i = 0; i < notAfter.length; i++) { // indexed: no iterator on the hot path
            if (Text.matchesAt(s, start - notAfter[i].length(), notAfter[i], false)) {
                return -1;
            }
        }
        int pos = bodyStart;
        for (int k = 0; k < segments.length; k++) {
            Segment seg = segments[k];
            if (seg.isLiteral()) {
                int matched = commonPrefix(s, pos, seg.literal);
                if (matched < seg.literal.length()) {
                    return truncated(s, start, bodyStart, pos + matched);
                }
                pos += seg.literal.length();
                continue;
            }
            int r = Text.run(s, pos, seg.alphabet, seg.max + 1);
            if (r < seg.min) {
                return truncated(s, start, bodyStart, pos + r);
            }
            if (r > seg.max) {
                if (seg.min != seg.max || k + 1 == segments.length) {
                    return -1; // part of a longer run: not this token
                }
                r = seg.max; // a fixed-length field followed by more of the token
            }
            pos += r;
        }
        if (pos < s.length() && notFollowedBy.indexOf(s.charAt(pos)) >= 0) {
            return -1;
        }
        if (pos > bodyStart && s.charAt(pos - 1) == '\\') {
            pos--; // a JSON escape after the token (\" or \n), not part of it
        } else if (!Text.rightBoundary(s, pos, boundary)) {
            return -1;
        }
        if (marker != null && Text.indexOf(s, marker, bodyStart, pos) < 0) {
            return -1;
        }
        if (checksum != null && !checksum.verify(s, bodyStart, pos, state)) {
            return -1;
        }
        if (onlyFailingChecksum && twinChecksum.verify(s, bodyStart, pos, state)) {
            return -1; // valid: the checksummed rule labels it
        }
        if (minEntropy > 0 && Entropy.bitsPerChar(s, bodyStart, pos, state.counts) < minEntropy) {
            return -1;
        }
        if (randomBody && !looksRandom(s, bodyStart, pos)) {
            return -1;
        }
        if (isPlaceholder(s, bodyStart, pos) || isFileName(s, start, bodyStart, pos)) {
            return -1;
        }
        return pos;
    }

    /**
     * A match that stopped early at {@code end}: a token when it stops at a terminator after enough random-looking
     * characters. Marker, checksum and entropy are not checked: a cut token has lost them.
     */
    private int truncated(CharSequence s, int start, int bodyStart, int end) {
        if (!truncatable || checksum != null || !isTerminator(s, end)) {
            return -1; // a checksummed shape cut short is left to its unverified twin
        }
        if (end - bodyStart < minTruncatedBody(bodyStart - start) || !looksRandom(s, bodyStart, end)) {
            return -1;
        }
        if (isPlaceholder(s, bodyStart, end) || isFileName(s, start, bodyStart, end)) {
            return -1;
        }
        return end;
    }

    /** Has a digit, or both cases: what random text of a token alphabet has and words do not. */
    static boolean looksRandom(CharSequence s, int from, int to) {
        boolean upper = false;
        boolean lower = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }

    /**
     * Documentation and configuration templates, not secrets: one character making up at least half of the body
     * ({@code xxxx…}, {@code AIzaaaa…}, {@code T00000000/B00000000/XXXX…}), or a body that addresses the reader
     * ({@code YOUR_KEY}, {@code …_HERE}). Random bodies do so less than once in a million.
     */
    static boolean isPlaceholder(CharSequence s, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return false;
        }
        if (n >= 6 && dominantCount(s, from, to) * 2 >= n) {
            return true;
        }
        return (n >= 4 && matchesIgnoreCase(s, to - 4, "here")) || hasPlaceholderWord(s, from, to);
    }

    /**
     * Whether the body holds {@code xxxxx}, {@code example} or {@code placeholder}, or {@code your} as a word: at
     * its start or after a separator ({@code YOUR_KEY}, {@code your-api-key}, {@code YourTokenHere}); inside a
     * random body {@code yOuR} turns up about once in 20,000 tokens, so it must not count there. One pass over the
     * body, a word compared only where its first two letters stand (every masked token is checked).
     */
    private static boolean hasPlaceholderWord(CharSequence s, int from, int to) {
        // Each word is looked for only where its first two letters stand (folded, read as one int): in a random
        // body a first letter alone turns up every few characters, two in a row rarely.
        int pair = from < to ? Text.lowerAscii(s.charAt(from)) : 0;
        for (int i = from; i + 1 < to; i++) {
            pair = pair << 16 | Text.lowerAscii(s.charAt(i + 1)); // the previous low half moves up
            String word;
            switch (pair) {
                case 'x' << 16 | 'x' -> word = "xxxxx";
                case 'e' << 16 | 'x' -> word = "example";
                case 'p' << 16 | 'l' -> word = "placeholder";
                case 'y' << 16 | 'o' -> word = i == from || "_-.".indexOf(s.charAt(i - 1)) >= 0 ? "your" : null;
                default -> word = null;
            }
            if (word != null && i + word.length() <= to && matchesIgnoreCase(s, i, word)) {
                return true;
            }
        }
        return false;
    }

    /** How often the commonest character occurs; a placeholder repeats one. Allocation-free (ASCII only counted). */
    private static int dominantCount(CharSequence s, int from, int to) {
        // A character that fills more than half the body wins a majority vote (Boyer-Moore); count it exactly.
        char candidate = 0;
        int votes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (votes == 0) {
                candidate = c;
                votes = 1;
            } else if (c == candidate) {
                votes++;
            } else {
                votes--;
            }
        }
        int count = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == candidate) {
                count++;
            }
        }
        return count;
    }

    /**
     * A short lower-case prefix that is really part of a file or dotted name: glued after {@code name.}
     * ({@code video_box.ico-…}) or followed by an extension ({@code ….png}). Long or mixed-case prefixes are
     * distinctive enough to mask wherever they appear.
     */
    private boolean isFileName(CharSequence s, int start, int bodyStart, int end) {
        int prefixLength = bodyStart - start;
        if (prefixLength == 0 || prefixLength > 4 || !isLowerWord(s, start, bodyStart)) {
            return false;
        }
        boolean afterDottedName = start >= 2 && s.charAt(start - 1) == '.'
                && Alphabet.IDENTIFIER.contains(s.charAt(start - 2));
        return afterDottedName || isFileExtension(s, end);
    }

    private static boolean isLowerWord(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }

    /** How many leading characters of {@code literal} occur at {@code at}. */
    private static int commonPrefix(CharSequence s, int at, String literal) {
        int n = Math.min(literal.length(), s.length() - at);
        int i = 0;
        while (i < n && s.charAt(at + i) == literal.charAt(i)) {
            i++;
        }
        return i;
    }

    /**
     * Where a cut token ends: the end of the text or of a line, a wire-log terminator ({@code [\r]}, {@code [\n]}
     * as HttpClient writes them), a JSON-escaped line end, a closing quote that ends the text, or an ellipsis.
     */
    static boolean isTerminator(CharSequence s, int at) {
        int n = s.length();
        if (at >= n) {
            return true;
        }
        char c = s.charAt(at);
        return switch (c) {
            case '\n', '\r' -> true;
            case '[' -> Text.matchesAt(s, at, "[\\r]", false) || Text.matchesAt(s, at, "[\\n]", false);
            case '\\' -> at + 1 < n && (s.charAt(at + 1) == 'n' || s.charAt(at + 1) == 'r')
                    && closesText(s, at + 2);
            case '"', '\'' -> closesText(s, at + 1);
            case '.' -> Text.matchesAt(s, at, "...", false);
            case '\u2026' -> true;
            default -> false;
        };
    }

    /** Whether only closing punctuation and spaces remain before the end of the text or line. */
    private static boolean closesText(CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '}' && c != ']' && c != ')' && c != ',') {
                return false;
            }
        }
        return true;
    }

    /** A file extension at {@code at}: a dot, two to four lower-case letters, then no identifier character. */
    private static boolean isFileExtension(CharSequence s, int at) {
        if (at >= s.length() || s.charAt(at) != '.') {
            return false;
        }
        int letters = 0;
        int i = at + 1;
        while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z' && letters <= 4) {
            letters++;
            i++;
        }
        return letters >= 2 && letters <= 4 && (i >= s.length() || !Alphabet.IDENTIFIER.contains(s.charAt(i)));
    }

    private static boolean matchesIgnoreCase(CharSequence s, int at, String lowerLiteral) {
        return Text.matchesAt(s, at, lowerLiteral, true);
    }

    /** Matches the whole shape, prefix included, starting at {@code start}. Returns the end or -1. */
    int matchAt(CharSequence s, int start, ScanState state) {
        if (prefixes.isEmpty()) {
            return matchBody(s, start, start, state);
        }
        for (String prefix : prefixes) {
            if (Text.matchesAt(s, start, prefix, false)) {
                int end = matchBody(s, start, start + prefix.length(), state);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        if (!prefixes.isEmpty()) {
            parts.add(String.join(" or ", prefixes.stream().map(p -> "`" + p + "`").toList()));
        }
        for (Segment s : segments) {
            parts.add(s.toString());
        }
        StringBuilder sb = new StringBuilder(String.join(" + ", parts));
        if (marker != null) {
            sb.append("; contains `").append(marker).append('`');
        }
        if (onlyFailingChecksum) {
            sb.append("; only where the ").append(twinChecksum.description).append(" fails");
        }
        if (checksum != null) {
            sb.append("; ").append(checksum.description);
            if (unverifiedRule != null) {
                sb.append(" confirms (a failing checksum is still masked, as `").append(unverifiedRule).append("`)");
            } else {
                sb.append(" gates (the shape alone is common in benign text)");
            }
        }
        if (minEntropy > 0) {
            sb.append("; entropy ≥ ").append(minEntropy);
        }
        if (randomBody) {
            sb.append("; has a digit or both cases");
        }
        if (!notFollowedBy.isEmpty()) {
            sb.append("; not followed by `").append(notFollowedBy).append('`');
        }
        if (notAfter.length > 0) {
            sb.append("; not after ").append(String.join(" or ", List.of(notAfter).stream().map(p -> "`" + p + "`")
                    .toList()));
        }
        if (truncatable && checksum == null) {
            int shortest = prefixes.stream().mapToInt(String::length).min().orElse(0);
            sb.append("; also when cut short after ≥ ").append(minTruncatedBody(shortest)).append(" characters");
        }
        return sb.toString();
    }
}
