package dev.scrubber.log4j2;

import dev.scrubber.core.MaskListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Tells operators, through Log4j's status logger at WARN, the first time each rule masks something in the events
 * of each logger: which code leaks which kind of secret, never the secret itself. The logger of the event being
 * scrubbed is set per thread by the component around each scrub call.
 */
final class MaskReporter implements MaskListener {
    /** Bounds the memory spent remembering (rule, logger) pairs; later pairs are no longer reported. */
    static final int MAX_REPORTS = 10_000;

    /** Test seam: tests set a listener that throws to inject faults into the real scrubbing path. */
    static volatile MaskListener faultInjection;

    private final String component;
    private final ThreadLocal<String> currentLogger = new ThreadLocal<>();
    private final ConcurrentHashMap<String, Set<String>> reported = new ConcurrentHashMap<>();
    private final AtomicInteger reports = new AtomicInteger();

    MaskReporter(String component) {
        this.component = component;
    }

    /** Sets the logger named in reports for this thread; returns the previous one for {@link #restore}. */
    String enter(String loggerName) {
        String previous = currentLogger.get();
        currentLogger.set(loggerName);
        return previous;
    }

    void restore(String previous) {
        currentLogger.set(previous);
    }

    @Override
    public void masked(String ruleId) {
        MaskListener injected = faultInjection;
        if (injected != null) {
            injected.masked(ruleId);
        }
        String logger = currentLogger.get();
        String name = logger == null || logger.isEmpty() ? "root" : logger;
        Set<String> loggers = reported.computeIfAbsent(ruleId, k -> ConcurrentHashMap.newKeySet());
        if (!loggers.contains(name) && reports.get() < MAX_REPORTS && loggers.add(name)) {
            reports.incrementAndGet();
            StatusLogger.getLogger().warn(
                    "log-scrubber {}: masked a '{}' secret in an event of logger '{}' (reported once per rule and logger)",
                    component, ruleId, name);
        }
    }
}
