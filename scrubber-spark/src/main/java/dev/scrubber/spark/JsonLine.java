package dev.scrubber.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.scrubber.core.Scrubber;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * Scrubs one JSON value (a JSON-lines record): every string value is decoded, scrubbed as a named value (so a
 * sensitive field such as {@code "password"} is masked whole) and, only if it changed, re-encoded in place. Every
 * other byte of the record (structure, spacing, numbers, field order, escapes of untouched strings) stays as it
 * was. Uses the Jackson that Spark ships.
 */
final class JsonLine {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonLine() {
    }

    /**
     * The record with every string value scrubbed, or {@code json} itself when nothing changed.
     *
     * @param found told (rule id, offset in {@code json}) of every secret
     * @throws IOException when {@code json} is not exactly one JSON value
     */
    static String scrub(String json, Scrubber scrubber, BiConsumer<String, Integer> found) throws IOException {
        StringBuilder out = null;
        int copied = 0;
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty");
            }
            int depth = 0;
            do {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.VALUE_STRING) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    String value = p.getText();
                    int end = (int) p.currentLocation().getCharOffset();
                    String key = p.currentName();
                    String scrubbed = scrubber.scrubValue(key == null ? "" : key, value);
                    if (scrubbed != value && !scrubbed.equals(value)) {
                        report(scrubber, key, value, start, found);
                        if (out == null) {
                            out = new StringBuilder(json.length() + 32);
                        }
                        out.append(json, copied, start).append('"')
                                .append(JsonStringEncoder.getInstance().quoteAsString(scrubbed)).append('"');
                        copied = end;
                    }
                }
                t = depth > 0 ? p.nextToken() : null;
            } while (t != null);
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        }
        return out == null ? json : out.append(json, copied, json.length()).toString();
    }

    private static void report(Scrubber scrubber, String key, String value, int at, BiConsumer<String, Integer> found) {
        if (key != null && scrubber.isSensitiveKey(key)) {
            found.accept(Scrubber.SENSITIVE_KEY_RULE, at);
            return;
        }
        scrubber.find(value).forEach(f -> found.accept(f.ruleId(), at));
    }
}
