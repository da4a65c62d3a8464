package dev.scrubber.log4j2;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Per-thread working memory of a {@link ScrubbingLayout}: the text being scrubbed, the bytes a wrapped layout
 * encoded, and a decoder to turn those back into text. Reused across events so that the wrapper adds no garbage.
 */
final class LayoutBuffers {
    private static final int MAX_RETAINED_TEXT = 64 * 1024;

    StringBuilder text = new StringBuilder(512);
    final ByteCapture capture = new ByteCapture();
    private final CharsetDecoder decoder;
    private final CharBuffer chars = CharBuffer.allocate(4096);
    boolean busy;

    LayoutBuffers(Charset charset) {
        decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** Appends the captured bytes, decoded, to {@link #text}, and empties the capture. */
    void decodeCapture() {
        ByteBuffer in = capture.flipped();
        decoder.reset();
        CoderResult result;
        do {
            result = decoder.decode(in, chars, true);
            drainChars();
        } while (result.isOverflow());
        do {
            result = decoder.flush(chars);
            drainChars();
        } while (result.isOverflow());
        capture.reset();
    }

    private void drainChars() {
        chars.flip();
        text.append(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
        chars.clear();
    }

    void release() {
        busy = false;
        capture.reset();
        if (text.capacity() > MAX_RETAINED_TEXT) {
            text = new StringBuilder(512);
        } else {
            text.setLength(0);
        }
    }
}
