package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.util.Constants;
import org.junit.jupiter.api.Test;

/**
 * In garbage-free mode a clean event through {@code %scrub{%m}}, through ScrubbingLayout (around PatternLayout and
 * JsonTemplateLayout) and through ScrubbingPolicy allocates no more than the same configuration without them.
 * Allocation is counted by the JVM for this thread (ThreadMXBean), after warm-up, over many events.
 */
class GarbageFreeAllocationTest {
    static {
        System.setProperty("log4j2.enableThreadlocals", "true");
        System.setProperty("log4j2.enableDirectEncoders", "true");
        System.setProperty("log4j2.garbagefreeThreadContextMap", "true");
    }

    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 50_000;
    /** Per event; absorbs an occasional one-off allocation (a buffer that grows once) but not any per-event one. */
    private static final double TOLERANCE = 1.0;

    @Test
    void cleanEventsAllocateNoMoreThanWithoutScrubbing() {
        assertThat(Constants.ENABLE_THREADLOCALS).isTrue();
        assertThat(Constants.ENABLE_DIRECT_ENCODERS).isTrue();
        try (LoggingFixture fixture = LoggingFixture.start("gcfree.xml")) {
            ThreadContext.put("requestId", "req-42");
            String[] names = {"plain", "converter", "wrapped", "jsonPlain", "jsonWrapped", "rewrite", "policy"};
            double[] perEvent = new double[names.length];
            for (int round = 0; round < 2; round++) { // the second round is measured with everything compiled
                for (int i = 0; i < names.length; i++) {
                    perEvent[i] = bytesPerEvent(fixture.logger(names[i]));
                }
            }
            ThreadContext.clearAll();
            StringBuilder report = new StringBuilder("allocated bytes per clean event:");
            for (int i = 0; i < names.length; i++) {
                report.append(' ').append(names[i]).append('=').append(String.format("%.2f", perEvent[i]));
            }
            System.out.println(report);
            assertThat(perEvent[1]).as("%%scrub{%%m} vs plain; " + report).isLessThanOrEqualTo(perEvent[0] + TOLERANCE);
            assertThat(perEvent[2]).as("ScrubbingLayout(PatternLayout) vs plain; " + report)
                    .isLessThanOrEqualTo(perEvent[0] + TOLERANCE);
            assertThat(perEvent[4]).as("ScrubbingLayout(JsonTemplateLayout) vs JsonTemplateLayout; " + report)
                    .isLessThanOrEqualTo(perEvent[3] + TOLERANCE);
            assertThat(perEvent[6]).as("Rewrite+ScrubbingPolicy vs Rewrite; " + report)
                    .isLessThanOrEqualTo(perEvent[5] + TOLERANCE);
            assertThat(fixture.file("converter.log")).contains("user alice logged in from 10.0.0.7");
        }
    }

    private static double bytesPerEvent(Logger log) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String user = "alice";
        String ip = "10.0.0.7";
        for (int i = 0; i < WARM_UP; i++) {
            log.info("user {} logged in from {}", user, ip);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            log.info("user {} logged in from {}", user, ip);
        }
        long after = mx.getCurrentThreadAllocatedBytes();
        return (after - before) / (double) MEASURED;
    }
}
