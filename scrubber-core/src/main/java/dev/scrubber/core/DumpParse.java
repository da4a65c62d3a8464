package dev.scrubber.core;

/**
 * Where a pair stands in a rendered dump ({@code Map}, record, Lombok {@code toString}, nested or in a list), read
 * forwards from the dump's opening bracket, one entry at a time: each earlier value is ended by the same rule as the
 * pair's own ({@link ValueEnd}), so a bracket inside an earlier secret (<code>x}y</code> in <code>{a=x}y, b=…}</code>) is that
 * value's and does not close the dump for the pairs after it. Reading backwards from the pair cannot tell that
 * bracket from the dump's own. The result is the bracket that closes the pair's dump and how many brackets of that
 * kind are open at the pair; {@link #UNKNOWN} when the text is not read as a dump (the caller then reads backwards).
 *
 * <p>Reused within one scan (its state lives in {@link ScanState}): the scan meets a dump's names in order, so a
 * later name continues the reading where the previous one stopped, and a dump of many pairs is read once.
 */
final class DumpParse {
    static final long UNKNOWN = -1;
    /** How far back the reading may start: the dump's opening bracket, on the pair's line. */
    private static final int MAX_BACK = 2048;
    private static final int MAX_NESTING = 16;

    private CharSequence text;
    private int lineStart;
    /** Where the reading stands, and the closers of the brackets open there (innermost last). */
    private int at;
    private final char[] open = new char[MAX_NESTING];
    private int depth;

    /** Forgets the previous scan's text. */
    void clear() {
        text = null;
    }

    /**
     * The dump bracket and its open count at the pair whose name starts at {@code nameStart}, packed as
     * {@code closer << 32 | enclosing << 16 | count} (enclosing: the closer of the bracket around the dump, or 0); {@code 0} when the pair is in no dump; {@link #UNKNOWN} when not read.
     */
    long at(CharSequence s, int nameStart) {
        int line = lineStart(s, nameStart);
        if (s != text || line != lineStart || at > nameStart) {
            text = s;
            lineStart = line;
            at = line;
            depth = 0;
        }
        while (at < nameStart) {
            if (!step(s, nameStart)) {
                text = null; // read as no dump from here on: start over for the next pair
                return UNKNOWN;
            }
        }
        if (at != nameStart) {
            text = null;
            return UNKNOWN; // the name is inside an earlier value: not a pair of the dump
        }
        if (depth == 0) {
            return 0;
        }
        char closer = open[depth - 1];
        int count = 0;
        for (int i = 0; i < depth; i++) {
            count += open[i] == closer ? 1 : 0;
        }
        return (long) closer << 32 | (long) enclosing() << 16 | count;
    }

    /** Reads one item at {@link #at}: a bracket, a separator, a blank, or a whole entry. */
    private boolean step(CharSequence s, int nameStart) {
        char c = s.charAt(at);
        if (depth == 0) {
            // Outside any dump (the line's prefix, text between dumps): look for a dump's opening bracket.
            if ((c == '{' || c == '[' || c == '(') && ValueEnd.opens(s, at) == ValueEnd.OPENS_DUMP
                    || c == '[' && nestedDumpAt(s, at + 1) > at + 1) {
                open[depth++] = closerOf(c); // a dump, or a list of records ([Creds[user=…], Creds[…]])
            }
            at++;
            return true;
        }
        if (c == open[depth - 1]) {
            depth--;
            at++;
            return true;
        }
        if (c == ' ' || c == ',') {
            at++;
            return true;
        }
        if ((c == '{' || c == '[' || c == '(') && ValueEnd.opens(s, at) == ValueEnd.OPENS_DUMP) {
            if (depth == MAX_NESTING) {
                return false;
            }
            open[depth++] = closerOf(c);
            at++;
            return true;
        }
        int record = nestedDumpAt(s, at);
        if (record > at) {
            at = record; // a record in a list or map of them: its bracket is read next
            return true;
        }
        if (!ValueEnd.pairFollowsStrict(s, at)) {
            return false; // a list element, prose: not read here
        }
        int q = at;
        while (q < s.length() && NameFinder.isNameChar(s.charAt(q))) {
            q++;
        }
        if (nameStart < q) {
            at = nameStart; // the pair's name is the last part of this one (spring.datasource.password)
            return true;
        }
        if (q >= s.length() || s.charAt(q) != '=') {
            return false; // name: value, quoted names: left to the backward reading
        }
        int valueStart = q + 1;
        int bracket = nestedDumpAt(s, valueStart);
        if (bracket >= 0) {
            at = bracket; // a nested dump ({…}, […], or a record's Type(…)): its bracket is read next
            return true;
        }
        char closer = open[depth - 1];
        int count = 0;
        for (int i = 0; i < depth; i++) {
            count += open[i] == closer ? 1 : 0;
        }
        // an earlier value is read to the line's end, whatever its rule's longest value: the brackets after it count
        int end = ValueEnd.dumpValue(s, valueStart, Math.min(s.length(), valueStart + MAX_BACK), closer, count,
                enclosing());
        if (end <= at) {
            return false;
        }
        boolean secretsName = SensitiveKeys.classify(s, at, q) != SensitiveKeys.NONE;
        at = secretsName ? end : plainEnd(s, valueStart, end, closer);
        return true;
    }

    /**
     * Where a value that is itself a dump opens its bracket: at the value's start ({@code {user=…}}, {@code [a=…]}),
     * or after a type name, as Lombok, records and Guava render a nested object ({@code DbConfig(url=…)},
     * {@code Creds[user=…]}, {@code Creds{user=…}}: a capitalized name); -1 when the value is no dump.
     */
    static int nestedDumpAt(CharSequence s, int valueStart) {
        int n = s.length();
        int p = valueStart;
        while (p < n && p - valueStart < MAX_TYPE_NAME && (Alphabet.IDENTIFIER.contains(s.charAt(p))
                || s.charAt(p) == '.' && p > valueStart)) {
            p++;
        }
        if (p >= n) {
            return -1;
        }
        char c = s.charAt(p);
        if (p == valueStart) {
            return (c == '{' || c == '[') && ValueEnd.opens(s, p) == ValueEnd.OPENS_DUMP ? p : -1;
        }
        return (c == '(' || c == '[' || c == '{') && Character.isUpperCase(s.charAt(valueStart))
                && (p + 1 < n && s.charAt(p + 1) == closerOf(c) || ValueEnd.pairFollowsStrict(s, p + 1)) ? p : -1;
    }

    /** The longest type name before a nested dump's bracket ({@code com.example.DbConfig(}). */
    private static final int MAX_TYPE_NAME = 96;

    /** The closer of the bracket around the pair's dump ({@code ]} for a map in a list), or 0. */
    private char enclosing() {
        return depth >= 2 ? open[depth - 2] : 0;
    }

    /**
     * An ordinary value under an ordinary name ({@code maximumPoolSize=10}, {@code url=jdbc:postgresql://db/app})
     * keeps no closing bracket: the surplus of brackets on the line, which the rule gives the first value that can
     * hold it, belongs to a later one, a secret's.
     */
    private static int plainEnd(CharSequence s, int from, int end, char closer) {
        int body = end;
        while (body > from && s.charAt(body - 1) == closer) {
            body--;
        }
        if (body == end || body == from) {
            return end;
        }
        for (int i = from; i < body; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PLAIN.indexOf(c) >= 0)) {
                return end;
            }
        }
        return body;
    }

    private static final String PLAIN = ".-_:/@";

    private static char closerOf(char opener) {
        return opener == '{' ? '}' : opener == '[' ? ']' : ')';
    }

    private static int lineStart(CharSequence s, int nameStart) {
        int limit = Math.max(0, nameStart - MAX_BACK);
        int i = nameStart;
        while (i > limit && s.charAt(i - 1) != '\n' && s.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }
}
