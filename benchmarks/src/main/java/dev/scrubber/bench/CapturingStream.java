package dev.scrubber.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The discarding appenders' output stream: drops every byte, except while a setup check captures what one probe
 * event produced (so a benchmark can prove its configuration really masks before it is timed).
 */
final class CapturingStream extends OutputStream {
    private ByteArrayOutputStream capture;

    void startCapture() {
        capture = new ByteArrayOutputStream();
    }

    String stopCapture() {
        String text = capture.toString(StandardCharsets.UTF_8);
        capture = null;
        return text;
    }

    @Override
    public void write(int b) {
        if (capture != null) {
            capture.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (capture != null) {
            capture.write(b, off, len);
        }
    }
}
