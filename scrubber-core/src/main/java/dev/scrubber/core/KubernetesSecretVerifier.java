package dev.scrubber.core;

/**
 * A Kubernetes Secret manifest ({@code kind: Secret}, as YAML or as {@code kubectl -o json} prints it): every value
 * under {@code data:} is the base64 of a secret and every value under {@code stringData:} is one in clear. The
 * manifest's own fields ({@code kind}, {@code metadata}, {@code type}) stay readable; the {@code data} block is masked
 * from its first value to its last, keys included, because one verifier reports one span. A ConfigMap has the
 * same layout but another kind and is left alone. One verifier masks one block, so {@code data} and
 * {@code stringData} are two rules on the same anchors, and the manifest's fields between them stay readable.
 */
final class KubernetesSecretVerifier implements Verifier {
    /** How far from {@code kind: Secret} its data block may be: manifests are small. */
    private static final int WINDOW = 4096;
    private final String yamlKey;
    private final String[] jsonKeys;
    private final String name;

    /** @param name {@code data} or {@code stringData} */
    KubernetesSecretVerifier(String name) {
        this.name = name;
        this.yamlKey = name + ":";
        this.jsonKeys = new String[] {"\"" + name + "\":", "\\\"" + name + "\\\":"};
    }

    @Override
    public long verify(CharSequence s, int anchorStart, int anchorEnd, ScanState state) {
        int lo = Math.max(0, anchorStart - WINDOW);
        int hi = Math.min(s.length(), anchorEnd + WINDOW);
        long span = NONE;
        // Only this manifest's block: a text may hold several manifests, each with its own data.
        if (s.charAt(anchorStart) == 'k') {
            span = yamlBlock(s, yamlKey, documentStart(s, anchorStart, lo), documentEnd(s, anchorEnd, hi));
        } else {
            int from = objectStart(s, anchorStart, lo);
            int to = objectEnd(s, anchorEnd, hi);
            for (int i = 0; span == NONE && i < jsonKeys.length; i++) {
                span = jsonBlock(s, jsonKeys[i], from, to);
            }
        }
        if (span != NONE && Placeholders.onlyMasks(s, ScanState.start(span), ScanState.end(span))) {
            return NONE; // the block was masked already
        }
        return span;
    }

    /** Where the YAML document around {@code at} starts: after the {@code ---} line before it, or {@code lo}. */
    private static int documentStart(CharSequence s, int at, int lo) {
        for (int i = at - 3; i >= lo; i--) {
            if (Text.matchesAt(s, i, "---", false) && (i == 0 || s.charAt(i - 1) == '\n')) {
                return i + 3;
            }
        }
        return lo;
    }

    /** Where the YAML document around {@code at} ends: at the next {@code ---} line, or {@code hi}. */
    private static int documentEnd(CharSequence s, int at, int hi) {
        int i = Text.indexOf(s, "\n---", at, hi);
        return i < 0 ? hi : i + 1;
    }

    /** The brace that opens the JSON object holding {@code at}, or {@code lo}. */
    private static int objectStart(CharSequence s, int at, int lo) {
        int depth = 0;
        for (int i = at - 1; i >= lo; i--) {
            char c = s.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && depth-- == 0) {
                return i;
            }
        }
        return lo;
    }

    /** After the brace that closes the JSON object holding {@code at}, or {@code hi} (a cut manifest). */
    private static int objectEnd(CharSequence s, int at, int hi) {
        int depth = 0;
        for (int i = at; i < hi; i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth-- == 0) {
                return i + 1;
            }
        }
        return hi;
    }

    /** The values of an indented block {@code key:} that starts a line, up to the first line indented no deeper. */
    private static long yamlBlock(CharSequence s, String key, int lo, int hi) {
        for (int at = Text.indexOf(s, key, lo, hi); at >= 0; at = Text.indexOf(s, key, at + 1, hi)) {
            int lineStart = at;
            while (lineStart > 0 && s.charAt(lineStart - 1) == ' ') {
                lineStart--;
            }
            if (lineStart > 0 && s.charAt(lineStart - 1) != '\n') {
                continue; // not a key at the start of a line (a word inside text)
            }
            int indent = at - lineStart;
            int p = at + key.length();
            while (p < hi && s.charAt(p) == ' ') {
                p++;
            }
            if (p < hi && s.charAt(p) == '{') {
                return braces(s, p, hi);
            }
            if (p >= hi || (s.charAt(p) != '\n' && s.charAt(p) != '\r')) {
                continue;
            }
            int first = -1;
            int last = -1;
            int line = p + 1;
            while (line < hi) {
                int q = line;
                while (q < hi && s.charAt(q) == ' ') {
                    q++;
                }
                int lineEnd = q;
                while (lineEnd < hi && s.charAt(lineEnd) != '\n' && s.charAt(lineEnd) != '\r') {
                    lineEnd++;
                }
                if (q - line <= indent || q == lineEnd) {
                    break; // back at the key's level, or a blank line: the block ended
                }
                int colon = Text.indexOf(s, ": ", q, lineEnd);
                if (colon < 0) {
                    break;
                }
                if (first < 0) {
                    first = colon + 2;
                }
                last = lineEnd;
                line = lineEnd < hi && s.charAt(lineEnd) == '\r' ? lineEnd + 2 : lineEnd + 1;
            }
            if (first >= 0 && last > first) {
                return Verifier.span(first, last);
            }
        }
        return NONE;
    }

    /** The inside of {@code "data": {…}}. */
    private static long jsonBlock(CharSequence s, String key, int lo, int hi) {
        int at = Text.indexOf(s, key, lo, hi);
        if (at < 0) {
            return NONE;
        }
        int p = at + key.length();
        while (p < hi && s.charAt(p) == ' ') {
            p++;
        }
        return p < hi && s.charAt(p) == '{' ? braces(s, p, hi) : NONE;
    }

    /** From after {@code open} to before its closing brace (data maps hold strings only, so no nesting). */
    private static long braces(CharSequence s, int open, int hi) {
        for (int p = open + 1; p < hi; p++) {
            if (s.charAt(p) == '}') {
                return p - open > 4 ? Verifier.span(open + 1, p) : NONE;
            }
        }
        return Verifier.span(open + 1, hi); // cut short: mask what is there
    }

    @Override
    public String describe() {
        return "the `" + name + ":` block of a manifest of kind Secret (YAML or JSON), within " + WINDOW
                + " characters of its kind";
    }
}
