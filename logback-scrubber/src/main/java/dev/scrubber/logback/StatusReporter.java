package dev.scrubber.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.MaskListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports through the component's Logback status channel, never by logging (nothing guards re-entry): the first
 * masking per (rule, logger) as information ({@code maskReportLevel=warn}: as a warning), so operators learn which
 * code leaks which kind of secret without Logback or Spring Boot printing status lines beside structured output at
 * run time, and the first failure as an error. Neither report ever contains the secret or the text that failed.
 */
final class StatusReporter implements MaskListener {
    /** Bounds the memory spent remembering reported pairs when logger names are generated. */
    private static final int MAX_REPORTED_PAIRS = 4096;

    private final ContextAware owner;
    private final MaskListener userListener;
    private final boolean warnOnMask;
    private final Set<String> reportedPairs = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean errorReported = new AtomicBoolean();
    private final ThreadLocal<Attribution> current = ThreadLocal.withInitial(Attribution::new);

    StatusReporter(ContextAware owner, MaskListener userListener, boolean warnOnMask) {
        this.owner = owner;
        this.userListener = userListener;
        this.warnOnMask = warnOnMask;
    }

    /** Attributes the maskings that follow on this thread to {@code loggerName}; returns the previous one. */
    String enter(String loggerName) {
        Attribution a = current.get();
        String previous = a.logger;
        a.logger = loggerName;
        return previous;
    }

    void exit(String previous) {
        current.get().logger = previous;
    }

    /**
     * While muted, maskings on this thread are not reported: a cheap "is anything dirty?" pass that is followed by
     * the real pass must not report (or count) the same masking twice.
     */
    void mute(boolean muted) {
        current.get().muted = muted;
    }

    @Override
    public void masked(String ruleId) {
        Attribution a = current.get();
        if (a.muted) {
            return;
        }
        String logger = a.logger;
        String pair = ruleId + '\u0000' + logger;
        if (reportedPairs.size() < MAX_REPORTED_PAIRS && reportedPairs.add(pair)) {
            String report = "log-scrubber masked a secret of type [" + ruleId + "] in an event of logger [" + logger
                    + "]. Reported once per rule and logger.";
            if (warnOnMask) {
                owner.addWarn(report);
            } else {
                owner.addInfo(report);
            }
        }
        if (userListener != null) {
            userListener.masked(ruleId);
        }
    }

    /** Per-thread state, mutable so that entering and leaving allocates nothing. */
    private static final class Attribution {
        String logger;
        boolean muted;
    }

    /** Reports the first failure; the exception's message is left out because it may hold the unscrubbed text. */
    void failed(String what, Throwable t) {
        if (errorReported.compareAndSet(false, true)) {
            owner.addError("log-scrubber could not scrub " + what + " (" + t.getClass().getName() + "); wrote "
                    + FailPolicy.PLACEHOLDER_TEXT + " instead. Later failures of this component are not reported.");
        }
    }
}
