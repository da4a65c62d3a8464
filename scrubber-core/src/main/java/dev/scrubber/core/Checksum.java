package dev.scrubber.core;

import java.util.zip.CRC32;

/** Offline checksums that some token formats carry; a valid checksum makes a false positive practically impossible. */
enum Checksum {
    /**
     * GitHub and npm: the last 6 characters are the CRC32 (IEEE) of the preceding body characters, in base62
     * with the alphabet {@code 0-9A-Za-z}, left-padded with {@code 0}.
     */
    CRC32_BASE62("CRC32/base62 checksum") {
        @Override
        boolean verify(CharSequence s, int bodyStart, int end, ScanState state) {
            int checkStart = end - 6;
            if (checkStart <= bodyStart) {
                return false;
            }
            long value = crc32(s, bodyStart, checkStart, state.crc);
            for (int i = end - 1; i >= checkStart; i--) {
                if (s.charAt(i) != BASE62_DIGITS.charAt((int) (value % 62))) {
                    return false;
                }
                value /= 62;
            }
            return value == 0;
        }
    };

    static final String BASE62_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    final String description;

    Checksum(String description) {
        this.description = description;
    }

    abstract boolean verify(CharSequence s, int bodyStart, int end, ScanState state);

    static long crc32(CharSequence s, int from, int to, CRC32 crc) {
        crc.reset();
        for (int i = from; i < to; i++) {
            crc.update(s.charAt(i));
        }
        return crc.getValue();
    }
}
