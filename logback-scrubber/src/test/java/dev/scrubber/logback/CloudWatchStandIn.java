package dev.scrubber.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;

/**
 * Takes the place of {@code ca.pjer.logback.AwsLogsAppender} when the documented CloudWatch snippet is loaded (no
 * network in tests): the same properties, and like the real one it encodes each event synchronously in
 * {@code append()}; the bytes are kept instead of being sent.
 */
public class CloudWatchStandIn extends UnsynchronizedAppenderBase<ILoggingEvent> {
    static final ByteArrayOutputStream SENT = new ByteArrayOutputStream();

    private Encoder<ILoggingEvent> encoder;
    private String logGroupName;
    private String logStreamUuidPrefix;
    private String logRegion;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public void setLogGroupName(String logGroupName) {
        this.logGroupName = logGroupName;
    }

    public void setLogStreamUuidPrefix(String logStreamUuidPrefix) {
        this.logStreamUuidPrefix = logStreamUuidPrefix;
    }

    public void setLogRegion(String logRegion) {
        this.logRegion = logRegion;
    }

    @Override
    public void start() {
        if (encoder == null || logGroupName == null || logStreamUuidPrefix == null || logRegion == null) {
            addError("incomplete stand-in configuration");
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] bytes = encoder.encode(event);
        synchronized (SENT) {
            SENT.writeBytes(bytes);
        }
    }
}
