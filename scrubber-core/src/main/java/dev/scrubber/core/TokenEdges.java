package dev.scrubber.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an engine's rules say about tokens cut at a text's edges, derived once per engine from the rules' data:
 * which rules have a literal prefix a token can be recognised by before it is complete (and the characters and
 * first two characters those prefixes start with), which rules hold a literal or marker that identifies a tail
 * whose beginning is missing, and how long a secret and its context can be.
 */
final class TokenEdges {
    /** Token shapes by engine rule index; null for rules without a token shape. */
    final TokenShape[] shapes;
    /** Characters a token's body (segments and literals) may hold, by engine rule index. */
    final Alphabet[] bodyChars;
    /** Rules whose tokens start with a literal prefix, for each first character of a prefix. */
    final int[][] startsWith = new int[128][];
    /** Whether some prefix starts with this pair of characters ({@code c1 * 128 + c2}). */
    private final boolean[] pairs = new boolean[128 * 128];
    /** Every character a token with a prefix may hold, prefix included. */
    final Alphabet startChars;
    /** The longest token with a prefix. */
    final int longestStart;
    /**
     * Every character the body of a token with a prefix may hold (the body follows the prefix), and the longest
     * prefix: a token still open at a text's end starts at most that far before the text's trailing run of body
     * characters.
     */
    final Alphabet startBodyChars;
    final int longestPrefix;
    /**
     * Whether every prefix of those tokens is an anchor of its rule, so that the scan notes each occurrence (then a
     * text's end is looked at only where the scan saw a prefix, see {@link AnchorPlan#isTokenPrefix}).
     */
    final boolean prefixesAreAnchors;
    /**
     * Every proper beginning of those prefixes ({@code s}, {@code sk}, … {@code sk-proj} for {@code sk-proj-}),
     * reversed, as a trie: read backwards from a text's end, it finds where the text ends inside a prefix.
     */
    final CharTrie cutPrefixes = new CharTrie();
    /** Rules whose tails are recognisable, and the characters those tails hold. */
    final int[] tailRules;
    final Alphabet tailChars;
    /** Literals of which a tail must hold one (cheap test before the per-rule check). */
    final String[] tailLiterals;
    /** {@link #tailLiterals} by first character (null where none begins): where a tail literal may begin. */
    final String[][] tailLiteralsByFirst = new String[128][];
    final int longestTail;
    /** The longest text a finding depends on: a secret plus the distance to its context keyword. */
    final int window;

    TokenEdges(Rule[] rules) {
        shapes = new TokenShape[rules.length];
        bodyChars = new Alphabet[rules.length];
        List<List<Integer>> byFirst = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            byFirst.add(new ArrayList<>());
        }
        Alphabet start = Alphabet.of("none", "");
        Alphabet startBody = Alphabet.of("none", "");
        boolean anchored = true;
        int prefixLength = 0;
        Alphabet tail = Alphabet.of("none", "");
        List<Integer> tails = new ArrayList<>();
        Set<String> literals = new LinkedHashSet<>();
        int longest = 0;
        int longestTailShape = 0;
        int win = 256;
        for (int i = 0; i < rules.length; i++) {
            Verifier v = rules[i].verifier;
            TokenShape shape = v instanceof TokenVerifier t ? t.shape
                    : v instanceof NearbyTokenVerifier n ? n.shape : null;
            win = Math.max(win, window(v));
            if (shape == null) {
                continue;
            }
            shapes[i] = shape;
            bodyChars[i] = bodyChars(shape);
            if (v instanceof TokenVerifier t && t.anchorOffset == 0 && !shape.prefixes.isEmpty()) {
                Alphabet chars = bodyChars[i].union(shape.boundary);
                for (String p : shape.prefixes) {
                    anchored &= rules[i].anchors.contains(Anchor.exact(p)) && AnchorPlan.isTokenPrefix(rules[i], p);
                    for (int k = 1; k < p.length(); k++) {
                        String reversed = new StringBuilder(p.substring(0, k)).reverse().toString();
                        if (!cutPrefixes.contains(reversed)) {
                            cutPrefixes.insert(reversed);
                        }
                    }
                    byFirst.get(p.charAt(0)).add(i);
                    if (p.length() > 1) {
                        pairs[p.charAt(0) * 128 + p.charAt(1)] = true;
                    }
                    chars = chars.union(Alphabet.of("prefix", escape(p)));
                    prefixLength = Math.max(prefixLength, p.length());
                }
                start = start.union(chars);
                startBody = startBody.union(bodyChars[i]);
                longest = Math.max(longest, shape.maxLength);
            }
            String literal = tailLiteralOf(rules[i]);
            if (literal != null) {
                tails.add(i);
                literals.add(literal);
                tail = tail.union(bodyChars[i]);
                longestTailShape = Math.max(longestTailShape, shape.maxLength);
            }
        }
        for (int c = 0; c < 128; c++) {
            List<Integer> list = byFirst.get(c);
            startsWith[c] = list.isEmpty() ? null : list.stream().mapToInt(Integer::intValue).distinct().toArray();
        }
        startChars = start;
        longestStart = longest;
        startBodyChars = startBody;
        prefixesAreAnchors = anchored;
        longestPrefix = prefixLength;
        tailRules = tails.stream().mapToInt(Integer::intValue).toArray();
        tailChars = tail;
        tailLiterals = literals.toArray(new String[0]);
        for (String l : tailLiterals) {
            char c = l.charAt(0);
            if (c < 128) {
                String[] had = tailLiteralsByFirst[c];
                String[] now = had == null ? new String[1] : java.util.Arrays.copyOf(had, had.length + 1);
                now[now.length - 1] = l;
                tailLiteralsByFirst[c] = now;
            }
        }
        longestTail = longestTailShape;
        window = win;
    }

    /** Whether a prefix starts with {@code c1} (then {@code c2}, when {@code c2} is not 0). */
    boolean mayStartPrefix(char c1, char c2) {
        if (c1 >= 128 || startsWith[c1] == null) {
            return false;
        }
        return c2 == 0 || (c2 < 128 && pairs[c1 * 128 + c2]);
    }

    /**
     * The literal a tail of {@code rule}'s tokens may be recognised by, or null: the scan notes where these occur
     * ({@link AnchorPlan#compile}), so both must come from here.
     */
    static String tailLiteralOf(Rule rule) {
        return rule.verifier instanceof TokenVerifier t ? tailLiteral(t.shape) : null;
    }

    /** The marker, or the longest literal segment of at least two characters, that a tail may be recognised by. */
    private static String tailLiteral(TokenShape shape) {
        if (shape.marker != null) {
            return shape.marker;
        }
        String best = null;
        for (Segment s : shape.segments) {
            if (s.isLiteral() && s.literal.length() >= 2 && (best == null || s.literal.length() > best.length())) {
                best = s.literal;
            }
        }
        return best;
    }

    private static Alphabet bodyChars(TokenShape shape) {
        Alphabet chars = Alphabet.of("body", "");
        for (Segment s : shape.segments) {
            chars = chars.union(s.isLiteral() ? Alphabet.of("literal", escape(s.literal)) : s.alphabet);
        }
        return chars;
    }

    /** An {@link Alphabet#of} spec holding exactly the characters of {@code literal} (a dash is written last). */
    private static String escape(String literal) {
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '-') {
                dash = true;
            } else if (c < 128) {
                sb.append(c);
            }
        }
        // A single character between two others could read as a range: spell each one as a range of itself.
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < sb.length(); i++) {
            spec.append(sb.charAt(i)).append('-').append(sb.charAt(i));
        }
        if (dash) {
            spec.append('-');
        }
        return spec.toString();
    }

    /** How far a rule's verifier reads from its anchor: the longest secret plus its context distance. */
    private static int window(Verifier v) {
        if (v instanceof TokenVerifier t) {
            return t.shape.maxLength + t.anchorOffset;
        }
        if (v instanceof NearbyTokenVerifier n) {
            // A pair reads its id at the anchor, then the secret within the distance after it.
            return n.shape != null ? n.shape.maxLength + n.distance : n.id.maxLength + n.distance + n.secretLength;
        }
        if (v instanceof KeywordValueVerifier k) {
            return k.maxLength + 64; // name, quotes, operator, scheme word
        }
        if (v instanceof RegexVerifier r) {
            return r.maxLength;
        }
        return 4096;
    }
}
