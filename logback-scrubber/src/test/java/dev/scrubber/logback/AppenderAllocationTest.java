package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
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
        logback.close();
    }

    @Test
    void cleanEventsWithArgumentsMdcAndAnExceptionAllocateNothing() {
        logback = Logback.configure("/config/appender-nop.xml");
        Logger logger = logback.context.getLogger("com.example.Clean");
        Appender<ILoggingEvent> scrub = logback.context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("SCRUB");
        for (int i = 0; i < 5; i++) {
            MDC.put("key" + i, "value-" + i);
        }
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                "order {} for customer {} took {} ms", new IllegalStateException("timeout talking to billing"),
                new Object[] {"ord-123", 4711, 12L});
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
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 10,000 clean events").isLessThan(10_000);
    }
}
