package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A clean event costs the ScrubbingAppender no allocation: it is inspected and forwarded as is. */
class AppenderAllocationTest {
    private Logback logback;

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
    }

    @Test
    void cleanEventsWithArgumentsAndMdcAllocateNothing() {
        assertThat(allocatedBy10000(null)).as("bytes allocated by 10,000 clean events").isLessThan(10_000);
    }

    /**
     * With an exception too, from Logback 1.5.22 on. Older versions do not capture an overriding toString(), so the
     * scrubber reads it from the exception (one string per event) to cover getThrowable() consumers.
     */
    @Test
    void cleanEventsWithAnExceptionAllocateNothingFromLogback1522() {
        assumeTrue(hasOverridingMessage(), "Logback before 1.5.22");
        assertThat(allocatedBy10000(new IllegalStateException("timeout talking to billing")))
                .as("bytes allocated by 10,000 clean events").isLessThan(10_000);
    }

    private long allocatedBy10000(Throwable thrown) {
        logback = Logback.configure("/config/appender-nop.xml");
        Logger logger = logback.context.getLogger("com.example.Clean");
        Appender<ILoggingEvent> scrub = logback.context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("SCRUB");
        for (int i = 0; i < 5; i++) {
            MDC.put("key" + i, "value-" + i);
        }
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                "order {} for customer {} took {} ms", thrown, new Object[] {"ord-123", 4711, 12L});
        event.prepareForDeferredProcessing();
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < 50_000; i++) { // warm-up, so the JIT has compiled the path
            scrub.doAppend(event);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            scrub.doAppend(event);
        }
        return mx.getThreadAllocatedBytes(tid) - before;
    }

    private static boolean hasOverridingMessage() {
        try {
            IThrowableProxy.class.getMethod("getOverridingMessage");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
