package dev.scrubber.aws;

import dev.scrubber.core.Scrubber;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Turns a fetched secret into known secrets: the whole text, and for a JSON secret each string value (nested
 * objects and arrays too). A value under a sensitive key ({@code password}, {@code apiKey} …, the core's
 * vocabulary) is registered from 6 characters; any other value only when the core accepts it as a known secret
 * (8+ characters, not a plain word), and never the documented non-secret fields of AWS's secret structures
 * ({@code host}, {@code port}, {@code engine} …), so that a database's host name is not masked in every log line.
 */
final class SecretValues {
    /** Shortest whole secret, or value under a sensitive key, that is registered. */
    static final int MIN_LENGTH = 6;
    /** JSON nesting followed at most. */
    private static final int MAX_DEPTH = 32;
    /** Fields of the JSON structures AWS documents for database and service secrets that are not secret. */
    private static final Set<String> NON_SECRET_FIELDS = Set.of("host", "port", "engine", "dbname",
            "dbinstanceidentifier", "dbclusteridentifier", "proxyname", "masterarn", "database", "schema");

    private static final class Vocabulary {
        static final Scrubber KEYS = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    }

    private SecretValues() {
    }

    static void registerSecretText(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return;
        }
        if (value.length() >= MIN_LENGTH) {
            add(value);
        }
        char first = value.charAt(0);
        if (first == '{' || first == '[') {
            try {
                walk(JsonNode.parser().parse(value), null, 0);
            } catch (RuntimeException notJson) {
                // Not JSON after all: the whole text is registered above.
            }
        }
    }

    static void registerSecretBytes(byte[] bytes) {
        String text = utf8Text(bytes);
        if (text != null) {
            registerSecretText(text);
        } else if (bytes.length >= 4) {
            add(Base64.getEncoder().encodeToString(bytes)); // how binary secrets get logged, if at all
        }
    }

    private static void walk(JsonNode node, String key, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.asObject().entrySet()) {
                walk(e.getValue(), e.getKey(), depth + 1);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node.asArray()) {
                walk(item, key, depth + 1);
            }
        } else if (node.isString() || node.isNumber() && key != null && Vocabulary.KEYS.isSensitiveKey(key)) {
            value(key, node.isString() ? node.asString() : node.asNumber());
        }
    }

    private static void value(String key, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        boolean sensitive = key != null && Vocabulary.KEYS.isSensitiveKey(key);
        if (sensitive ? v.length() >= MIN_LENGTH
                : !isNonSecretField(key) && Scrubber.isUsableKnownSecret(v)) {
            add(v);
        }
    }

    private static boolean isNonSecretField(String key) {
        return key != null && NON_SECRET_FIELDS.contains(key.toLowerCase(java.util.Locale.ROOT).replace("_", ""));
    }

    private static void add(String value) {
        try {
            Scrubber.addGlobalKnownSecret(value);
        } catch (IllegalArgumentException e) {
            // Too short or without any ASCII character: the engine cannot match it.
        }
    }

    /** The bytes as text when they are valid UTF-8 without control characters other than line breaks and tabs. */
    private static String utf8Text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return null;
            }
        }
        return text;
    }
}
