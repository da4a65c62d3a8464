package dev.scrubber.core;

import java.util.Locale;

/**
 * Derives from an RE2 pattern a literal that every match provably contains, so that a custom rule can join
 * the single anchor pass. Conservative: only top-level literal characters that no quantifier can remove
 * count, and a top-level alternation yields nothing.
 */
final class RequiredLiteral {
    static final int MIN_LENGTH = 3;

    private RequiredLiteral() {
    }

    /** The longest required literal (lower-cased when the pattern starts with {@code (?i)}), or null. */
    static String derive(String regex) {
        boolean ignoreCase = regex.startsWith("(?i)");
        String p = ignoreCase ? regex.substring(4) : regex;
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            char literal = 0;
            int next = i + 1;
            if (c == '\\' && i + 1 < p.length()) {
                char e = p.charAt(i + 1);
                next = i + 2;
                if (!Character.isLetterOrDigit(e)) {
                    literal = e; // an escaped metacharacter such as \. or \-
                }
            } else if (c == '[') {
                next = skipClass(p, i);
            } else if (c == '{') {
                int close = p.indexOf('}', i);
                next = close < 0 ? p.length() : close + 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return null; // a top-level alternation: no literal is required
            } else if (".^$*+?{}".indexOf(c) < 0) {
                literal = c;
            }
            boolean optional = next < p.length() && isOptionalQuantifier(p, next);
            boolean repeated = next < p.length() && "+*?{".indexOf(p.charAt(next)) >= 0;
            if (literal != 0 && depth == 0 && !optional) {
                run.append(literal);
                if (repeated) {
                    best = longer(best, run);
                    run.setLength(0);
                }
            } else {
                best = longer(best, run);
                run.setLength(0);
            }
            i = next - 1;
        }
        best = longer(best, run);
        if (best.length() < MIN_LENGTH) {
            return null;
        }
        return ignoreCase ? best.toLowerCase(Locale.ROOT) : best;
    }

    static boolean ignoresCase(String regex) {
        return regex.startsWith("(?i)");
    }

    private static boolean isOptionalQuantifier(String p, int at) {
        char q = p.charAt(at);
        return q == '?' || q == '*' || q == '{' && p.startsWith("{0", at);
    }

    private static int skipClass(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length() && p.charAt(i) != ']') {
            i += p.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(p.length(), i + 1);
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }
}
