package dev.scrubber.bench;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;

/**
 * Where to scrub when an application logs through an asynchronous appender: before the queue (our component in
 * front of Logback's {@code AsyncAppender} / Log4j2's {@code <Async>}, so the caller thread scrubs) or after it (the
 * worker thread scrubs). Logs the {@code args-mdc} event of {@link EndToEndBenchmark} (a template with four
 * arguments, three MDC entries) through the XML files under {@code e2e/async/} into a real file, and prints the
 * caller thread's CPU time per event ({@code ThreadMXBean}: what the application thread spends, unaffected by time
 * spent descheduled on a shared machine) and its wall time per event. The queues hold 131,072 events, more than a
 * measured round, and are drained between rounds, so the caller never blocks on a full queue and its cost is its
 * own. Median of 7 rounds of 100,000 events after 300,000 warm-up.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.scrubber.bench.PlacementRunner
 * </pre>
 */
public final class PlacementRunner {
    private static final int WARMUP = 300_000;
    private static final int ROUND = 100_000;
    private static final int ROUNDS = 7;

    private PlacementRunner() {
    }

    /** One configuration: logs events until stopped. */
    private interface Target extends AutoCloseable {
        void log(EndToEndBenchmark.Events events, int i);

        /** Whether the worker thread has written everything queued. */
        boolean drained();

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        EndToEndBenchmark.Events events = new EndToEndBenchmark.Events();
        events.event = "args-mdc";
        events.setup();
        System.out.println("| Framework | Placement | caller CPU ns/event | wall ns/event |");
        System.out.println("|---|---|---|---|");
        for (String framework : new String[] {"logback", "log4j2"}) {
            for (String placement : new String[] {"off", "before", "after"}) {
                Path file = Files.createTempFile("placement-", ".log");
                try (Target target = "logback".equals(framework) ? logback(placement, file, events)
                        : log4j2(placement, file, events)) {
                    double[] result = measure(target, events);
                    System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f |%n", framework, describe(placement),
                            result[0], result[1]);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static String describe(String placement) {
        return switch (placement) {
            case "off" -> "async appender, no scrubbing";
            case "before" -> "scrubbing before the queue (caller thread)";
            default -> "scrubbing after the queue (worker thread)";
        };
    }

    private static double[] measure(Target target, EndToEndBenchmark.Events events) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARMUP; i++) {
            target.log(events, events.next());
            if (i % ROUND == 0) {
                drain(target);
            }
        }
        drain(target);
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < ROUND; i++) {
                target.log(events, events.next());
            }
            cpu[r] = (mx.getCurrentThreadCpuTime() - c0) / (double) ROUND;
            wall[r] = (System.nanoTime() - w0) / (double) ROUND;
            drain(target);
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        return new double[] {cpu[ROUNDS / 2], wall[ROUNDS / 2]};
    }

    private static void drain(Target target) {
        while (!target.drained()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Target logback(String placement, Path file, EndToEndBenchmark.Events events) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("e2e.file", file.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(resource("e2e/async/logback-" + placement + ".xml"));
        events.mdc.forEach(context.getMDCAdapter()::put);
        ch.qos.logback.classic.Logger logger = context.getLogger(Fixtures.LOGGER);
        ch.qos.logback.classic.AsyncAppender async = findAsync(context.getLogger("ROOT"));
        return new Target() {
            @Override
            public boolean drained() {
                return async.getNumberOfElementsInQueue() == 0;
            }

            @Override
            public void log(EndToEndBenchmark.Events e, int i) {
                Object[] a = e.arguments[i];
                logger.info(e.templates[i], a[0], a[1], a[2], a[3]);
            }

            @Override
            public void close() {
                context.getMDCAdapter().clear();
                context.stop();
            }
        };
    }

    private static Target log4j2(String placement, Path file, EndToEndBenchmark.Events events) throws Exception {
        System.setProperty("e2e.file", file.toString());
        org.apache.logging.log4j.core.LoggerContext context =
                new org.apache.logging.log4j.core.LoggerContext("placement-" + placement);
        Configuration configuration = ConfigurationFactory.getInstance().getConfiguration(context,
                ConfigurationSource.fromUri(resource("e2e/async/log4j2-" + placement + ".xml").toURI()));
        context.start(configuration);
        events.mdc.forEach(ThreadContext::put);
        org.apache.logging.log4j.Logger logger = context.getLogger(Fixtures.LOGGER);
        org.apache.logging.log4j.core.appender.AsyncAppender async = configuration.getAppender("ASYNC");
        return new Target() {
            @Override
            public boolean drained() {
                return async.getQueueRemainingCapacity() == async.getQueueCapacity();
            }

            @Override
            public void log(EndToEndBenchmark.Events e, int i) {
                Object[] a = e.arguments[i];
                logger.info(e.templates[i], a[0], a[1], a[2], a[3]);
            }

            @Override
            public void close() {
                ThreadContext.clearMap();
                context.stop();
            }
        };
    }

    /** The AsyncAppender, attached directly or behind the ScrubbingAppender. */
    private static ch.qos.logback.classic.AsyncAppender findAsync(
            ch.qos.logback.core.spi.AppenderAttachable<ch.qos.logback.classic.spi.ILoggingEvent> attachable) {
        for (var it = attachable.iteratorForAppenders(); it.hasNext(); ) {
            var a = it.next();
            if (a instanceof ch.qos.logback.classic.AsyncAppender async) {
                return async;
            }
            if (a instanceof ch.qos.logback.core.spi.AppenderAttachable<?>) {
                @SuppressWarnings("unchecked")
                var found = findAsync((ch.qos.logback.core.spi.AppenderAttachable<ch.qos.logback.classic.spi.ILoggingEvent>) a);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new IllegalStateException("no AsyncAppender");
    }

    private static URL resource(String name) {
        URL url = PlacementRunner.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing " + name);
        }
        return url;
    }
}
