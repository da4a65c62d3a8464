package dev.scrubber.log4j2;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * Collects what a wrapped layout encodes so that it can be scrubbed before it reaches the real destination. The
 * buffer grows instead of draining (nothing may leave before it is scrubbed) and is reused for later events.
 */
final class ByteCapture implements ByteBufferDestination {
    private static final int INITIAL = 8 * 1024;
    private static final int MAX_RETAINED = 64 * 1024;

    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL);

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public ByteBuffer drain(ByteBuffer full) {
        ensure(Math.max(1, buffer.capacity()));
        return buffer;
    }

    @Override
    public void writeBytes(ByteBuffer data) {
        ensure(data.remaining());
        buffer.put(data);
    }

    @Override
    public void writeBytes(byte[] data, int offset, int length) {
        ensure(length);
        buffer.put(data, offset, length);
    }

    /** The captured bytes, ready to read; call {@link #reset()} when done. */
    ByteBuffer flipped() {
        buffer.flip();
        return buffer;
    }

    void reset() {
        if (buffer.capacity() > MAX_RETAINED) {
            buffer = ByteBuffer.allocate(INITIAL); // do not pin one huge event's buffer to the thread
        } else {
            buffer.clear();
        }
    }

    private void ensure(int extra) {
        if (buffer.remaining() >= extra) {
            return;
        }
        long wanted = Math.max((long) buffer.capacity() * 2, (long) buffer.position() + extra);
        ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, wanted));
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
    }
}
