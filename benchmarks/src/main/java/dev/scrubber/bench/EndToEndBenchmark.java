package dev.scrubber.bench;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code logger.info} through real Logback and Log4j2 configurations (XML files under {@code e2e/}) to an appender
 * that encodes every event and discards the bytes: without scrubbing ({@code component=off}) and with each of our
 * components. Events are 200-character clean messages (1,024 distinct), alone or with five MDC entries and a
 * 20-frame exception.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
public class EndToEndBenchmark {
    private static final int FRAMES = 20;

    /** The events: messages, and for {@code mdc-exception} the context entries and exceptions. */
    @State(Scope.Thread)
    public static class Events {
        @Param({"clean", "mdc-exception"})
        public String event;

        String[] messages;
        Throwable[] exceptions;
        final Map<String, String> mdc = new LinkedHashMap<>();
        private int cursor;

        @Setup(Level.Trial)
        public void setup() {
            messages = Corpora.messages("clean", 200, 42);
            exceptions = new Throwable[messages.length];
            if ("mdc-exception".equals(event)) {
                mdc.put("requestId", UUID.nameUUIDFromBytes(new byte[] {1}).toString());
                mdc.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
                mdc.put("userId", "user-48213");
                mdc.put("tenant", "acme-eu-west-1");
                mdc.put("route", "/api/v1/orders/{id}");
                for (int i = 0; i < exceptions.length; i++) {
                    exceptions[i] = exception(messages[(i * 7) & (messages.length - 1)]);
                }
            } else if (!"clean".equals(event)) {
                throw new IllegalArgumentException("event must be clean or mdc-exception: " + event);
            }
        }

        int next() {
            cursor = (cursor + 1) & (Corpora.COUNT - 1);
            return cursor;
        }

        private static Throwable exception(String message) {
            IllegalStateException e = new IllegalStateException(message.substring(message.length() / 2));
            StackTraceElement[] frames = new StackTraceElement[FRAMES];
            for (int f = 0; f < FRAMES; f++) {
                frames[f] = new StackTraceElement("com.example.orders.OrderService" + (f % 4), "handle" + f,
                        "OrderService" + (f % 4) + ".java", 40 + 7 * f);
            }
            e.setStackTrace(frames);
            return e;
        }
    }

    /** Logback configured from {@code e2e/logback-<component>.xml}. */
    @State(Scope.Thread)
    public static class Logback {
        @Param({"off", "appender", "encoder", "converter"})
        public String component;

        LoggerContext context;
        ch.qos.logback.classic.Logger logger;

        @Setup(Level.Trial)
        public void setup(Events events) throws JoranException {
            context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(resource("e2e/logback-" + component + ".xml"));
            logger = context.getLogger(Fixtures.LOGGER);
            events.mdc.forEach(context.getMDCAdapter()::put);
            DiscardingAppender sink = find(context.getLogger("ROOT"));
            if (sink == null) {
                throw new IllegalStateException("no DISCARD appender in " + component);
            }
            if (!"off".equals(component)) {
                sink.stream.startCapture();
                logger.info(Sanity.probe());
                Sanity.masks("logback " + component, sink.stream.stopCapture());
            }
        }

        /** The discarding appender, attached to {@code attachable} directly or through a forwarding appender. */
        private static DiscardingAppender find(AppenderAttachable<ILoggingEvent> attachable) {
            for (Iterator<Appender<ILoggingEvent>> it = attachable.iteratorForAppenders(); it.hasNext(); ) {
                Appender<ILoggingEvent> a = it.next();
                if (a instanceof DiscardingAppender d) {
                    return d;
                }
                if (a instanceof AppenderAttachable<?>) {
                    @SuppressWarnings("unchecked")
                    DiscardingAppender d = find((AppenderAttachable<ILoggingEvent>) a);
                    if (d != null) {
                        return d;
                    }
                }
            }
            return null;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.getMDCAdapter().clear();
            context.stop();
        }
    }

    /** Log4j2 configured from {@code e2e/log4j2-<component>.xml}, in its own logger context. */
    @State(Scope.Thread)
    public static class Log4j {
        @Param({"off", "policy", "layout", "converter"})
        public String component;

        org.apache.logging.log4j.core.LoggerContext context;
        org.apache.logging.log4j.Logger logger;

        @Setup(Level.Trial)
        public void setup(Events events) throws IOException, URISyntaxException {
            context = new org.apache.logging.log4j.core.LoggerContext("e2e-" + component);
            URL url = resource("e2e/log4j2-" + component + ".xml");
            Configuration configuration = ConfigurationFactory.getInstance().getConfiguration(context,
                    ConfigurationSource.fromUri(url.toURI()));
            context.start(configuration);
            logger = context.getLogger(Fixtures.LOGGER);
            events.mdc.forEach(ThreadContext::put);
            DiscardAppender sink = context.getConfiguration().getAppender("DISCARD");
            if (sink == null) {
                throw new IllegalStateException("no DISCARD appender in " + component);
            }
            if (!"off".equals(component)) {
                sink.startCapture();
                logger.info(Sanity.probe());
                Sanity.masks("log4j2 " + component, sink.stopCapture());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            ThreadContext.clearMap();
            context.stop();
        }
    }

    @Benchmark
    public void logback(Events events, Logback logback) {
        int i = events.next();
        Throwable t = events.exceptions[i];
        if (t == null) {
            logback.logger.info(events.messages[i]);
        } else {
            logback.logger.info(events.messages[i], t);
        }
    }

    @Benchmark
    public void log4j2(Events events, Log4j log4j) {
        int i = events.next();
        Throwable t = events.exceptions[i];
        if (t == null) {
            log4j.logger.info(events.messages[i]);
        } else {
            log4j.logger.info(events.messages[i], t);
        }
    }

    private static URL resource(String name) {
        URL url = EndToEndBenchmark.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing " + name);
        }
        return url;
    }
}
