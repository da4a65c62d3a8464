package dev.scrubber.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output for results. A reader that went away ({@code scrubber scrub big.log | head}) ends the run quietly,
 * like other Unix tools on SIGPIPE; any other write failure (a full disk behind {@code >}) is a one-line error.
 * Closing it only flushes: the process stream stays open.
 */
final class StandardOutput extends FilterOutputStream {
    /** Exit status of a run whose reader closed the pipe, as a shell reports death by SIGPIPE. */
    static final int CLOSED_STATUS = 141;

    /** Thrown when the reader of standard output has gone away; reported by the exit status only. */
    static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Closed() {
            super("standard output closed", null, false, false);
        }
    }

    StandardOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public void close() {
        flush();
    }

    private static RuntimeException translate(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") ? new Closed() : new UserError("standard output: " + message);
    }
}
