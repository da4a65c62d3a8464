package dev.scrubber.core;

/**
 * Every copy: once a rule that needed context (a name, a keyword, an id) masked a value, the other occurrences of
 * that exact value in the same text are masked too, wherever they stand ({@code password=X … retrying with X}).
 * Token rules need no help, the scan finds each occurrence itself. Runs only when something was masked; at most
 * {@link #MAX_VALUES} values per text, each searched with {@link String#indexOf} (an intrinsic) when it can.
 */
final class Copies {
    /** Values shorter than this are not searched for: a 4-character password would match words. */
    static final int MIN_LENGTH = 6;
    static final int MAX_VALUES = 16;

    private Copies() {
    }

    /** Adds the copies of the contextual findings in {@code state} (merged, sorted) and merges again. */
    static void add(CharSequence text, Rule[] rules, ScanState state) {
        int found = state.size;
        int searched = 0;
        for (int i = 0; i < found && searched < MAX_VALUES; i++) {
            int start = ScanState.start(state.spans[i]);
            int end = ScanState.end(state.spans[i]);
            int rule = state.rules[i];
            if (!rules[rule].contextual() || !worthSearching(text, start, end) || searchedBefore(text, state, i)) {
                continue;
            }
            searched++;
            int from = 0;
            while (true) {
                int at = indexOf(text, start, end, from);
                if (at < 0) {
                    break;
                }
                int atEnd = at + (end - start);
                if (at != start && standsAlone(text, at, atEnd, start, end)) {
                    state.add(at, atEnd, rule);
                }
                from = at + 1;
            }
        }
        if (state.size > found) {
            state.sortAndMerge();
        }
    }

    private static boolean worthSearching(CharSequence s, int start, int end) {
        int n = end - start;
        return n >= MIN_LENGTH && (n >= 10 || ValueFilter.hasDigitOrSymbol(s, start, end));
    }

    /** Whether an earlier finding had the same value (each value is searched once). */
    private static boolean searchedBefore(CharSequence s, ScanState state, int i) {
        int start = ScanState.start(state.spans[i]);
        int n = ScanState.end(state.spans[i]) - start;
        for (int j = 0; j < i; j++) {
            int other = ScanState.start(state.spans[j]);
            if (ScanState.end(state.spans[j]) - other == n && regionEquals(s, other, start, n)) {
                return true;
            }
        }
        return false;
    }

    /** Not glued to letters or digits where the value itself starts or ends with one. */
    private static boolean standsAlone(CharSequence s, int at, int atEnd, int start, int end) {
        boolean leftOk = at == 0 || !Character.isLetterOrDigit(s.charAt(start))
                || !Character.isLetterOrDigit(s.charAt(at - 1));
        boolean rightOk = atEnd >= s.length() || !Character.isLetterOrDigit(s.charAt(end - 1))
                || !Character.isLetterOrDigit(s.charAt(atEnd));
        return leftOk && rightOk;
    }

    private static int indexOf(CharSequence s, int start, int end, int from) {
        if (s instanceof String str) {
            return str.indexOf(str.substring(start, end), from); // allocates: only on the dirty path
        }
        int n = end - start;
        char first = s.charAt(start);
        for (int i = from, last = s.length() - n; i <= last; i++) {
            if (s.charAt(i) == first && regionEquals(s, i, start, n)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionEquals(CharSequence s, int a, int b, int n) {
        for (int k = 0; k < n; k++) {
            if (s.charAt(a + k) != s.charAt(b + k)) {
                return false;
            }
        }
        return true;
    }
}
