package dev.scrubber.log4j2;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.MaskListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reports through Log4j's status logger, never by logging: the first time each rule masks something in the events
 * of each logger (which code leaks which kind of secret, never the secret itself), at INFO so that an ordinary
 * configuration ({@code status="warn"}) prints nothing on standard error, or at WARN with
 * {@code maskReportLevel="warn"}; and the first scrubbing failure
 * of the component, once, with only the exception class (its message may hold the text that could not be
 * scrubbed). The logger of the event being scrubbed is set per thread by the component around each scrub call.
 * The Logback adapter's class of the same name plays the same role.
 */
final class StatusReporter implements MaskListener {
    /** Bounds the memory spent remembering (rule, logger) pairs; later pairs are no longer reported. */
    static final int MAX_REPORTS = 10_000;

    /** Test seam: tests set a listener that throws to inject faults into the real scrubbing path. */
    static volatile MaskListener faultInjection;

    private final String component;
    private final boolean warnOnMask;
    private final ThreadLocal<String> currentLogger = new ThreadLocal<>();
    private final ConcurrentHashMap<String, Set<String>> reported = new ConcurrentHashMap<>();
    private final AtomicInteger reports = new AtomicInteger();
    private final AtomicBoolean failureReported = new AtomicBoolean();
    /** Failures seen by the current thread, so a caller can tell whether one happened during its work. */
    private final ThreadLocal<int[]> failures = ThreadLocal.withInitial(() -> new int[1]);

    StatusReporter(String component) {
        this(component, false);
    }

    StatusReporter(String component, boolean warnOnMask) {
        this.component = component;
        this.warnOnMask = warnOnMask;
    }

    /** Sets the logger named in reports for this thread; returns the previous one for {@link #exit}. */
    String enter(String loggerName) {
        String previous = currentLogger.get();
        currentLogger.set(loggerName);
        return previous;
    }

    void exit(String previous) {
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
            StatusLogger.getLogger().log(warnOnMask ? Level.WARN : Level.INFO,
                    "log-scrubber {}: masked a '{}' secret in an event of logger '{}' (reported once per rule and logger)",
                    component, ruleId, name);
        }
    }

    /** Reports the first failure of this component; later ones are only counted. */
    void failed(String what, Throwable cause) {
        failures.get()[0]++;
        if (failureReported.compareAndSet(false, true)) {
            StatusLogger.getLogger().error(
                    "log-scrubber {}: {} failed ({}); wrote {} instead. Further failures are not reported.",
                    component, what, cause.getClass().getName(), FailPolicy.PLACEHOLDER_TEXT);
        }
    }

    /** How many failures the current thread has seen; compare two readings to detect a failure in between. */
    int failuresOnThisThread() {
        return failures.get()[0];
    }
}
