package dev.scrubber.log4j2;

import dev.scrubber.core.FailPolicy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reports the first scrubbing failure of a component through Log4j's status logger, once: a failing event
 * stream must not flood the status channel. Only the exception class is reported, never its message, which may
 * hold the very text that could not be scrubbed.
 */
final class ProblemReporter {
    private final String component;
    private final AtomicBoolean reported = new AtomicBoolean();
    /** Failures seen by the current thread, so a caller can tell whether one happened during its work. */
    private final ThreadLocal<int[]> failures = ThreadLocal.withInitial(() -> new int[1]);

    ProblemReporter(String component) {
        this.component = component;
    }

    void report(String what, Throwable cause) {
        failures.get()[0]++;
        if (reported.compareAndSet(false, true)) {
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
