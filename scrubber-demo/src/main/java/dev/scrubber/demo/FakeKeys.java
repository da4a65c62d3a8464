package dev.scrubber.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Fake provider credentials in the real formats, made at run time from a seed, so that no key-shaped text is
 * ever written into the repository and the demo never touches a real key. The same seed gives the same keys,
 * which is how the demo's test knows what must not appear in the scrubbed output.
 */
public final class FakeKeys {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String BASE62 = DIGITS + UPPER + LOWER;
    private static final String BASE64URL = UPPER + LOWER + DIGITS + "_-";
    private static final String BASE64 = UPPER + LOWER + DIGITS + "+/";

    private final Random random;
    private final Map<String, String> keys = new LinkedHashMap<>();

    public FakeKeys(long seed) {
        random = new Random(seed);
        keys.put("OPENAI_API_KEY", "sk-proj-" + withOpenAiMarker(run(BASE64URL, 156)));
        keys.put("ANTHROPIC_API_KEY", "sk-ant-api03-" + run(BASE64URL, 93) + "AA");
        keys.put("AWS_ACCESS_KEY_ID", "AKIA" + run(UPPER + DIGITS, 16));
        keys.put("AWS_SECRET_ACCESS_KEY", run(BASE64, 40));
        keys.put("GITHUB_TOKEN", githubToken());
        keys.put("DB_PASSWORD", run(UPPER + LOWER + DIGITS, 14) + "!" + random.nextInt(10));
    }

    /** The keys under the environment-variable names a real service would load them from. */
    public Map<String, String> environment() {
        return Map.copyOf(keys);
    }

    public String get(String name) {
        return keys.get(name);
    }

    /** Every generated secret; none of them may appear in scrubbed output. */
    public List<String> secrets() {
        return List.copyOf(keys.values());
    }

    /** OpenAI project keys carry a fixed base64 marker inside their random body. */
    private static String withOpenAiMarker(String body) {
        String marker = "T3Blbk" + "FJ";
        return body.substring(0, 74) + marker + body.substring(74 + marker.length());
    }

    /** A classic GitHub token: 30 random base62 characters and their CRC32 in 6 base62 digits. */
    private String githubToken() {
        String body = run(BASE62, 30);
        CRC32 crc = new CRC32();
        for (int i = 0; i < body.length(); i++) {
            crc.update(body.charAt(i));
        }
        long value = crc.getValue();
        char[] check = new char[6];
        for (int i = 5; i >= 0; i--) {
            check[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return "ghp_" + body + new String(check);
    }

    private String run(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
