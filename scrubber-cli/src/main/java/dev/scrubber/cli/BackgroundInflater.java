package dev.scrubber.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs gzip decompression on a second thread, so that inflating and scrubbing overlap instead of taking turns
 * (compressed exports are the common input). At most {@link #QUEUED} chunks wait between the threads, so memory
 * stays bounded; a decompression error is rethrown to the reader.
 */
final class BackgroundInflater extends InputStream {
    private static final int CHUNK = 64 * 1024;
    private static final int QUEUED = 4;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private volatile boolean closed;
    private byte[] chunk = new byte[0];
    private int pos;
    private boolean ended;

    BackgroundInflater(InputStream decompressed, String name) {
        thread = new Thread(() -> pump(decompressed), "scrubber-gunzip " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(InputStream in) {
        try (in) {
            while (!closed) {
                byte[] buf = new byte[CHUNK];
                int n = in.readNBytes(buf, 0, CHUNK);
                if (n > 0) {
                    put(n == CHUNK ? buf : Arrays.copyOf(buf, n));
                }
                if (n < CHUNK) {
                    break;
                }
            }
            put(END);
        } catch (IOException e) {
            put(e);
        } catch (RuntimeException | Error e) {
            put(new IOException("decompression failed: " + e, e)); // never leave the reader waiting
        }
    }

    private void put(Object item) {
        try {
            while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the reader is busy scrubbing; wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while waiting
        }
    }

    @Override
    public int read() throws IOException {
        if (!available(1)) {
            return -1;
        }
        return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!available(1)) {
            return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean available(int wanted) throws IOException {
        while (pos + wanted > chunk.length && !ended) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while decompressing", e);
            }
            if (next instanceof IOException e) {
                ended = true;
                throw new IOException(e.getMessage(), e);
            }
            chunk = (byte[]) next;
            pos = 0;
            ended = chunk == END;
        }
        return pos < chunk.length;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        queue.clear();
    }
}
