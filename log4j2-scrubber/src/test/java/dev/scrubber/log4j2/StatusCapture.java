package dev.scrubber.log4j2;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what Log4j's status logger reports at WARN (or a given level) and above while it is registered. */
final class StatusCapture implements StatusListener, AutoCloseable {
    private final List<StatusData> entries = new ArrayList<>();
    private final Level level;

    private StatusCapture(Level level) {
        this.level = level;
    }

    static StatusCapture start() {
        return start(Level.WARN);
    }

    static StatusCapture start(Level level) {
        StatusCapture capture = new StatusCapture(level);
        StatusLogger.getLogger().registerListener(capture);
        return capture;
    }

    @Override
    public synchronized void log(StatusData data) {
        entries.add(data);
    }

    @Override
    public Level getStatusLevel() {
        return level;
    }

    /** The formatted messages at exactly {@code level} that mention log-scrubber. */
    synchronized List<String> scrubberMessages(Level level) {
        List<String> out = new ArrayList<>();
        for (StatusData d : entries) {
            String text = d.getMessage().getFormattedMessage();
            if (d.getLevel() == level && text.contains("log-scrubber")) {
                out.add(text);
            }
        }
        return out;
    }

    /** Every message at ERROR, ours or Log4j's (configuration errors). */
    synchronized List<String> errors() {
        List<String> out = new ArrayList<>();
        for (StatusData d : entries) {
            if (d.getLevel().isMoreSpecificThan(Level.ERROR)) {
                out.add(d.getMessage().getFormattedMessage());
            }
        }
        return out;
    }

    private boolean closed;

    /** Unregisters; Log4j calls this back from removeListener, hence the guard. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            StatusLogger.getLogger().removeListener(this);
        }
    }
}
