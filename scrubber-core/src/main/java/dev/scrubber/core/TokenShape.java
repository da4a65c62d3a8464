package dev.scrubber.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The declarative shape of a token: literal prefixes, then segments (literal or bounded alphabet runs), plus
 * optional checks (a required marker, a checksum, a minimum entropy). Matching is greedy and never backtracks;
 * {@link #TokenShape} rejects shapes where that would be ambiguous.
 */
final class TokenShape {
    final List<String> prefixes;
    final Segment[] segments;
    final String marker;
    final Checksum checksum;
    final double minEntropy;
    final Alphabet boundary;
    final int maxLength;

    TokenShape(List<String> prefixes, List<Segment> segments, String marker, Checksum checksum, double minEntropy,
            Alphabet boundary) {
        if (segments.stream().allMatch(Segment::isLiteral)) {
            throw new IllegalArgumentException("a token shape needs at least one alphabet run");
        }
        this.prefixes = List.copyOf(prefixes);
        this.segments = segments.toArray(new Segment[0]);
        this.marker = marker;
        this.checksum = checksum;
        this.minEntropy = minEntropy;
        Alphabet b = boundary;
        int longestPrefix = 0;
        for (String p : prefixes) {
            longestPrefix = Math.max(longestPrefix, p.length());
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
        this.maxLength = max;
    }

    /** Matches the segments from {@code bodyStart}; the token starts at {@code start}. Returns the end or -1. */
    int matchBody(CharSequence s, int start, int bodyStart, ScanState state) {
        if (!Text.leftBoundary(s, start, boundary)) {
            return -1;
        }
        int pos = bodyStart;
        for (int k = 0; k < segments.length; k++) {
            Segment seg = segments[k];
            if (seg.isLiteral()) {
                if (!Text.matchesAt(s, pos, seg.literal, false)) {
                    return -1;
                }
                pos += seg.literal.length();
                continue;
            }
            int r = Text.run(s, pos, seg.alphabet, seg.max + 1);
            if (r < seg.min) {
                return -1;
            }
            if (r > seg.max) {
                if (seg.min != seg.max || k + 1 == segments.length) {
                    return -1; // part of a longer run: not this token
                }
                r = seg.max; // a fixed-length field followed by more of the token
            }
            pos += r;
        }
        if (!Text.rightBoundary(s, pos, boundary)) {
            return -1;
        }
        if (marker != null && Text.indexOf(s, marker, bodyStart, pos) < 0) {
            return -1;
        }
        if (checksum != null && !checksum.verify(s, bodyStart, pos, state)) {
            return -1;
        }
        if (minEntropy > 0 && Entropy.bitsPerChar(s, bodyStart, pos, state.counts) < minEntropy) {
            return -1;
        }
        return pos;
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
        if (checksum != null) {
            sb.append("; ").append(checksum.description);
        }
        if (minEntropy > 0) {
            sb.append("; entropy ≥ ").append(minEntropy);
        }
        return sb.toString();
    }
}
