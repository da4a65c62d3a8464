package dev.scrubber.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a file or standard input for reading as text. Gzip is recognised by its magic bytes whatever the file is called, and
 * input with NUL bytes in its first block is refused as binary.
 */
final class Inputs {
    /** Name under which standard input is reported. */
    static final String STDIN = "-";
    static final int BLOCK = 64 * 1024;
    static final int BINARY_PROBE = 8 * 1024;

    private Inputs() {
    }

    /**
     * Opens {@code path}, or {@code stdin} when {@code path} is null.
     *
     * @throws UserError when the file is missing, unreadable, a directory, not valid gzip or binary
     */
    static OpenInput open(String name, Path path, InputStream stdin) {
        long size = -1;
        InputStream raw;
        try {
            if (path == null) {
                raw = stdin;
            } else {
                if (Files.isDirectory(path)) {
                    throw new UserError(name + ": is a directory");
                }
                raw = Files.newInputStream(path);
                size = Files.size(path);
            }
        } catch (NoSuchFileException e) {
            throw new UserError(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError(name + ": permission denied");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
        CountingInputStream counted = new CountingInputStream(raw, path != null);
        InputStream opened = counted; // what to close if opening fails from here on
        try {
            BufferedInputStream buffered = new BufferedInputStream(counted, BLOCK);
            boolean gzip = isGzip(buffered);
            BufferedInputStream data = gzip
                    ? new BufferedInputStream(new BackgroundInflater(new GZIPInputStream(buffered, BLOCK), name), BLOCK)
                    : buffered;
            opened = data;
            if (startsBinary(data)) {
                throw new BinaryInputError(name);
            }
            return new OpenInput(name, data, gzip, size, counted);
        } catch (UserError e) {
            closeQuietly(opened);
            throw e;
        } catch (ZipException e) {
            closeQuietly(opened);
            throw new UserError(name + ": not a valid gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            closeQuietly(opened);
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // already failing with a clearer message
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static boolean startsBinary(BufferedInputStream in) throws IOException {
        in.mark(BINARY_PROBE);
        byte[] probe = new byte[BINARY_PROBE];
        int n = 0;
        int r;
        while (n < probe.length && (r = in.read(probe, n, probe.length - n)) > 0) {
            n += r;
        }
        in.reset();
        for (int i = 0; i < n; i++) {
            if (probe[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** An open input; closing it closes the file but never standard input. */
    record OpenInput(String name, InputStream stream, boolean gzip, long size, CountingInputStream counter)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** Counts the bytes read from the file (compressed bytes for gzip), for the progress bar. */
    static final class CountingInputStream extends FilterInputStream {
        private final boolean closeable;
        private volatile long count; // written by the inflater thread for gzip, read for the progress bar

        CountingInputStream(InputStream in, boolean closeable) {
            super(in);
            this.closeable = closeable;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (closeable) {
                in.close();
            }
        }
    }
}
