package dev.scrubber.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/** Returns the event's message bytes encoded once and cached, so a test can count what the wrapper allocates. */
public class FixedBytesEncoder extends EncoderBase<ILoggingEvent> {
    private volatile String lastMessage;
    private volatile byte[] lastBytes;

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message != lastMessage) {
            lastBytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
            lastMessage = message;
        }
        return lastBytes;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
