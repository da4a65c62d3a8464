package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ways to cut a fake key into the chunks a wire logger would log, and the check that nothing of it survived. Shared
 * by the adapters' tests through the core's test-jar.
 */
public final class SplitSecrets {
    private SplitSecrets() {
    }

    /**
     * Named cuttings of {@code key}: two chunks cut inside the prefix, right after it, inside {@code marker} (when
     * the key has one) and in the middle; three chunks; chunks of seven characters; one character per chunk.
     */
    public static Map<String, List<String>> cuttings(String key, String marker) {
        int prefix = publicPrefixLength(key);
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("two, inside the prefix", cut(key, prefix / 2));
        out.put("two, after the prefix", cut(key, prefix + 1));
        int m = marker == null ? -1 : key.indexOf(marker);
        if (m >= 0) {
            out.put("two, inside the marker", cut(key, m + marker.length() / 2));
        }
        out.put("two, 40 and the rest", cut(key, Math.min(40, key.length() - 1)));
        out.put("three", cut(key, prefix - 1, key.length() / 2));
        out.put("seven characters each", every(key, 7));
        out.put("one character each", every(key, 1));
        return out;
    }

    /** {@code key} cut at the given positions. */
    public static List<String> cut(String key, int... positions) {
        List<String> out = new ArrayList<>();
        int last = 0;
        for (int p : positions) {
            out.add(key.substring(last, p));
            last = p;
        }
        out.add(key.substring(last));
        return out;
    }

    static List<String> every(String key, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < key.length(); i += size) {
            out.add(key.substring(i, Math.min(key.length(), i + size)));
        }
        return out;
    }

    /** The length of the longest built-in prefix {@code key} starts with (public: the partial mask keeps it). */
    public static int publicPrefixLength(String key) {
        int best = 0;
        for (Rule r : Catalog.rules()) {
            if (r.verifier instanceof TokenVerifier t) {
                for (String p : t.shape.prefixes) {
                    if (key.startsWith(p)) {
                        best = Math.max(best, p.length());
                    }
                }
            }
        }
        return best;
    }

    /**
     * Asserts that no five consecutive characters of the key's body (after its public prefix) appear in
     * {@code output}, nor in the concatenation of the wire payloads of {@code connection} in it (pieces that are
     * harmless one by one but would spell the key side by side).
     */
    public static void assertNothingSurvives(String what, String output, String key, String connection) {
        String joined = output + "\n" + payloads(output, connection);
        for (int i = publicPrefixLength(key); i + 5 <= key.length(); i++) {
            assertThat(joined).as(what + ": characters " + i + ".." + (i + 5) + " of the key")
                    .doesNotContain(key.substring(i, i + 5));
        }
    }

    /** The wire payloads ({@code id << "…"}) of one connection, in order, concatenated. */
    public static String payloads(String output, String connection) {
        StringBuilder sb = new StringBuilder();
        String opener = connection + " << \"";
        for (String line : output.split("\n")) {
            int at = line.indexOf(opener);
            if (at >= 0) {
                String p = line.substring(at + opener.length());
                int end = p.lastIndexOf('"');
                p = (end >= 0 ? p.substring(0, end) : p).replace("[\\r]", "").replace("[\\n]", "");
                if (!p.matches("[0-9a-fA-F]{1,8}")) { // chunked-encoding size lines are framing, not payload
                    sb.append(p);
                }
            }
        }
        return sb.toString();
    }
}
