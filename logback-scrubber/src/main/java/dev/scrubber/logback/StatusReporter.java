package dev.scrubber.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.MaskListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports through the component's Logback status channel, never by logging (nothing guards re-entry): the first
 * masking per (rule, logger) as a warning, so operators learn which code leaks which kind of secret, and the
 * first failure as an error. Neither report ever contains the secret or the text that failed.
 */
final class StatusReporter implements MaskListener {
    /** Bounds the memory spent remembering reported pairs when logger names are generated. */
    private static final int MAX_REPORTED_PAIRS = 4096;

    private final ContextAware owner;
    private final MaskListener userListener;
    private final Set<String> reportedPairs = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean errorReported = new AtomicBoolean();
    private final ThreadLocal<String[]> currentLogger = ThreadLocal.withInitial(() -> new String[1]);

    StatusReporter(ContextAware owner, MaskListener userListener) {
        this.owner = owner;
        this.userListener = userListener;
    }

    /** Attributes the maskings that follow on this thread to {@code loggerName}; returns the previous one. */
    String enter(String loggerName) {
        String[] slot = currentLogger.get();
        String previous = slot[0];
        slot[0] = loggerName;
        return previous;
    }

    void exit(String previous) {
        currentLogger.get()[0] = previous;
    }

    @Override
    public void masked(String ruleId) {
        String logger = currentLogger.get()[0];
        String pair = ruleId + '\u0000' + logger;
        if (reportedPairs.size() < MAX_REPORTED_PAIRS && reportedPairs.add(pair)) {
            owner.addWarn("log-scrubber masked a secret of type [" + ruleId + "] in an event of logger [" + logger
                    + "]. Reported once per rule and logger.");
        }
        if (userListener != null) {
            userListener.masked(ruleId);
        }
    }

    /** Reports the first failure; the exception's message is left out because it may hold the unscrubbed text. */
    void failed(String what, Throwable t) {
        if (errorReported.compareAndSet(false, true)) {
            owner.addError("log-scrubber could not scrub " + what + " (" + t.getClass().getName() + "); wrote "
                    + FailPolicy.PLACEHOLDER_TEXT + " instead. Later failures of this component are not reported.");
        }
    }
}
