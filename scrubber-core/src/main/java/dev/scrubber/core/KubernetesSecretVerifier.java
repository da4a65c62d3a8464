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
        long span = yamlBlock(s, yamlKey, lo, hi);
        for (int i = 0; span == NONE && i < jsonKeys.length; i++) {
            span = jsonBlock(s, jsonKeys[i], lo, hi);
        }
        if (span != NONE && Placeholders.onlyMasks(s, ScanState.start(span), ScanState.end(span))) {
            return NONE; // the block was masked already
        }
        return span;
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
