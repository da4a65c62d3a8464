package dev.scrubber.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Writes the replacement for a masked span in the configured {@link MaskStyle}. */
final class Masker {
    static final String FULL = "[REDACTED]";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Secrets shorter than this keep no tail characters in the partial style. */
    private static final int PARTIAL_MIN_LENGTH = 16;

    private final MaskStyle style;
    private final SecretKeySpec fingerprintKey;

    Masker(MaskStyle style, byte[] fingerprintKey) {
        this.style = style;
        this.fingerprintKey = new SecretKeySpec(fingerprintKey, "HmacSHA256");
    }

    /** The fixed typed mask of a rule, e.g. {@code [REDACTED:github-pat]}; precomputed per rule. */
    static String typed(String ruleId) {
        return "[REDACTED:" + ruleId + "]";
    }

    /**
     * Appends the mask of {@code text[start, end)}.
     *
     * @param publicPrefix how many leading characters are a public prefix the partial style may keep
     */
    void append(StringBuilder out, CharSequence text, int start, int end, String ruleId, int publicPrefix,
            String typedMask) {
        switch (style) {
            case TYPED -> out.append(typedMask);
            case FULL -> out.append(FULL);
            case PARTIAL -> {
                out.append(text, start, start + publicPrefix).append(FULL);
                if (end - start - publicPrefix >= PARTIAL_MIN_LENGTH) {
                    out.append(text, end - Placeholders.PARTIAL_TAIL, end);
                }
            }
            case FINGERPRINT -> out.append("[REDACTED:").append(ruleId)
                    .append(':').append(fingerprint(text, start, end)).append(']');
            default -> throw new IllegalStateException(style.name());
        }
    }

    /** Whether the mask depends only on the rule, so it can be written without looking at the secret. */
    boolean isFixed() {
        return style == MaskStyle.TYPED || style == MaskStyle.FULL;
    }

    String fixed(String typedMask) {
        return style == MaskStyle.TYPED ? typedMask : FULL;
    }

    private String fingerprint(CharSequence text, int start, int end) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            byte[] digest = mac.doFinal(text.subSequence(start, end).toString().getBytes(StandardCharsets.UTF_8));
            char[] out = new char[8];
            for (int i = 0; i < 4; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return new String(out);
        } catch (GeneralSecurityException e) {
            return "00000000"; // HmacSHA256 is mandatory on every JDK; never reveal anything if it is not
        }
    }
}
