package dev.scrubber.core;

/**
 * Whether text after a name is shaped like a call or an index in code: {@code getenv("DB_PASSWORD")},
 * {@code config.get("openai.key").orElse(null)}, {@code secrets[i]}, {@code run(Alphabet.B64, 40)}. The arguments
 * must parse as a list of arguments (string literals, numbers, names that may be calls or indexes themselves,
 * parenthesized and joined by arithmetic, separated by commas), and the brackets must match: a generated password shaped like {@code c7S(5mii36lc_W5$/)},
 * {@code PzB(/5,eqe)z7jF} or {@code blsIA(.wnS7]} is a value, whereas any name, bracket and punctuation used to pass
 * for code.
 */
final class CallShape {
    /** How deep calls may nest in an argument: deeper is not what code logs. */
    private static final int MAX_DEPTH = 4;
    /** {@link #arguments}: the list runs to the end of the range, well formed so far. */
    static final int OPEN = -2;
    private static final int INVALID = -1;
    /** Arithmetic between operands of an argument. */
    private static final String OPERATORS = "+-*/%";

    private CallShape() {
    }

    /**
     * Whether {@code s[at, to)}, starting at a {@code (} or {@code [} after a name, is calls, indexes and
     * {@code .name} continuations up to {@code to}, optionally ending in {@code ;}.
     */
    static boolean chain(CharSequence s, int at, int to) {
        return chainEnd(s, at, to, 0) == to;
    }

    /**
     * Where a chain of calls that starts at {@code at} ends ({@code to} at most), or {@link #INVALID} when a bracket
     * of it does not close well formed; {@link #OPEN} when its last list is cut off by {@code to} but well formed.
     */
    static int chainEnd(CharSequence s, int at, int to, int depth) {
        int p = at;
        boolean closed = true;
        while (p < to) {
            char c = s.charAt(p);
            if (c == '(' || c == '[') {
                int close = arguments(s, p + 1, to, c == '(' ? ')' : ']', depth);
                if (close < 0) {
                    return close;
                }
                p = close + 1;
                closed = true;
            } else if (c == '.' && p + 1 < to && isNameStart(s.charAt(p + 1))) {
                p = name(s, p + 1, to);
                closed = false;
            } else if (c == ';' && p + 1 == to && depth == 0) {
                return closed ? to : p;
            } else {
                break;
            }
        }
        // a value chain ends in its last call or index ("config.get(k).orElse(null)"), not in a field after one:
        // "UJw(fdqmmO).kHK9a" is a password
        return depth == 0 && !closed ? p - 1 : p;
    }

    /**
     * Where the argument list from {@code from} closes with {@code closer}, {@link #INVALID} when it is not a list
     * of arguments, {@link #OPEN} when it is well formed up to {@code to} without closing.
     */
    static int arguments(CharSequence s, int from, int to, char closer, int depth) {
        if (depth >= MAX_DEPTH) {
            return INVALID;
        }
        int p = blanks(s, from, to);
        if (p < to && s.charAt(p) == closer) {
            return p;
        }
        while (p < to) {
            p = argument(s, p, to, depth);
            if (p < 0) {
                return p;
            }
            p = blanks(s, p, to);
            if (p >= to) {
                return OPEN;
            }
            char c = s.charAt(p);
            if (c == closer) {
                return p;
            }
            if (c != ',' && OPERATORS.indexOf(c) < 0) {
                return INVALID;
            }
            p = blanks(s, p + 1, to); // the next argument, or the next operand: "secrets[(i + 1) % n]"
        }
        return OPEN;
    }

    /** Where the argument at {@code p} ends: a string literal, a number, a name with its calls. */
    private static int argument(CharSequence s, int p, int to, int depth) {
        char c = s.charAt(p);
        if (c == '"' || c == '\'') {
            for (int i = p + 1; i < to; i++) {
                char d = s.charAt(i);
                if (d == '\\') {
                    i++;
                } else if (d == c) {
                    return i + 1;
                }
            }
            return OPEN;
        }
        if (c == '-' && p + 1 < to && isDigit(s.charAt(p + 1)) || isDigit(c)) {
            int i = p + 1;
            while (i < to && (isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                i++;
            }
            if (i < to && "LlFfDd".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return i;
        }
        if (c == '(') {
            int close = arguments(s, p + 1, to, ')', depth + 1); // a parenthesized operand
            return close < 0 ? close : close + 1;
        }
        if (isNameStart(c)) {
            int end = name(s, p, to);
            if (end + 1 < to && s.charAt(end) == ':' && s.charAt(end + 1) == ':') {
                end = name(s, end + 2, to); // a method reference, String::trim
            }
            return chainEnd(s, end, to, depth + 1);
        }
        return INVALID;
    }

    /** The end of the dotted name that starts at {@code p}. */
    private static int name(CharSequence s, int p, int to) {
        int i = p;
        while (i < to && (isNamePart(s.charAt(i)) || s.charAt(i) == '.' && i + 1 < to && isNameStart(s.charAt(i + 1)))) {
            i++;
        }
        return i;
    }

    private static int blanks(CharSequence s, int p, int to) {
        while (p < to && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    /** A name's later characters: {@code $} only starts one ({@code $scope}); inside, it is a password's. */
    private static boolean isNamePart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
