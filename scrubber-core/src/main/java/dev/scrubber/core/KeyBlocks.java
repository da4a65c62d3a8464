package dev.scrubber.core;

/**
 * Where a private key spans several lines of a log: a line that opens a PEM private-key block
 * ({@code -----BEGIN … PRIVATE KEY-----}) or a PuTTY key file ({@code PuTTY-User-Key-File-…}) without closing it.
 * Tools that read logs line by line (the CLI, the Spark job) join such a line with the lines that follow, up to the
 * line holding {@link #endMarker}'s marker, and hand the engine the joined text, so the whole block is masked as one
 * secret. A joined block stops at {@link #MAX_LINES} lines or {@link #MAX_BYTES} bytes, so memory stays bounded;
 * the engine masks a block cut short through its body.
 */
public final class KeyBlocks {
    /** Longest joined block, in bytes of input: twice the engine's longest private-key block. */
    public static final int MAX_BYTES = 128 * 1024;
    /** Most lines joined into one block. */
    public static final int MAX_LINES = 4096;

    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final String PEM_KEY = "PRIVATE KEY";
    private static final String PEM_END = "-----END ";
    private static final String PUTTY_BEGIN = "PuTTY-User-Key-File-";
    private static final String PUTTY_END = "Private-MAC:";

    private KeyBlocks() {
    }

    /**
     * The marker of the block's end line ({@code -----END } or {@code Private-MAC:}) when {@code text} opens a
     * private-key block that does not end within it, else null. Joining stops after the first line that contains
     * the marker.
     */
    public static String endMarker(String text) {
        int begin = text.indexOf(PEM_BEGIN);
        if (begin >= 0) {
            int key = text.indexOf(PEM_KEY, begin);
            if (key >= 0 && text.indexOf(PEM_END, key) < 0) {
                return PEM_END;
            }
        }
        int putty = text.indexOf(PUTTY_BEGIN);
        if (putty >= 0 && text.indexOf(PUTTY_END, putty) < 0) {
            return PUTTY_END;
        }
        return null;
    }
}
