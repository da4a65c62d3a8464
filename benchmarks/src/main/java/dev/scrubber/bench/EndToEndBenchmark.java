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
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * {@code logger.info} through real Logback and Log4j2 configurations (XML files under {@code e2e/}) without
 * scrubbing ({@code component=off}) and with each of our components, into an appender that encodes every event and
 * discards the bytes ({@code sink=discard}) or into a real file appender with default settings ({@code sink=file},
 * files under {@code e2e/file/}, truncated after every iteration). Events: a 200-character clean message (1,024
 * distinct) without arguments ({@code clean}); one of 64 such messages, each a constant logged again and again as a
 * real application's repeated lines are ({@code constant}); one of 16 constant templates with four arguments (two strings, a
 * number, an object with {@code toString()}) and three MDC entries ({@code args-mdc}, the everyday event); a
 * clean message with five MDC entries and a 20-frame exception ({@code mdc-exception}); an LLM client's usage line,
 * one constant template whose four arguments are the model and the token counts ({@code llm-usage}: its
 * {@code prompt_tokens}, {@code completion_tokens} and {@code total_tokens} are names the scan must reject).
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
        @Param({"clean", "constant", "args-mdc", "mdc-exception", "llm-usage"})
        public String event;

        String[] messages;
        Throwable[] exceptions;
        /** For {@code args-mdc}: the template of each call (16 constants) and its four arguments. */
        String[] templates;
        Object[][] arguments;
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
            } else if ("args-mdc".equals(event)) {
                mdc.put("requestId", UUID.nameUUIDFromBytes(new byte[] {2}).toString());
                mdc.put("userId", "user-48213");
                mdc.put("route", "/api/v1/orders/{id}");
                String[] constants = new String[16];
                for (int t = 0; t < constants.length; t++) {
                    // Interned like a string literal in code: the same instance on every call.
                    constants[t] = (messages[t].substring(0, 110) + " user={} order={} items={} ref={}").intern();
                }
                templates = new String[messages.length];
                arguments = new Object[messages.length][];
                for (int i = 0; i < messages.length; i++) {
                    templates[i] = constants[i & 15];
                    arguments[i] = new Object[] {"user-" + (10_000 + i * 37),
                            UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString(),
                            Integer.valueOf(1 + i % 9), new OrderRef(i, 100 + i * 7)};
                }
            } else if ("llm-usage".equals(event)) {
                String template = ("Chat completion finished model={} usage={prompt_tokens={}, completion_tokens={}, "
                        + "total_tokens={}} finish_reason=stop").intern();
                String[] models = {"gpt-4o-mini", "gpt-4o", "claude-sonnet-4", "text-embedding-3-small"};
                templates = new String[messages.length];
                arguments = new Object[messages.length][];
                for (int i = 0; i < messages.length; i++) {
                    int prompt = 100 + i * 37 % 4000;
                    int completion = 10 + i * 13 % 900;
                    templates[i] = template;
                    arguments[i] = new Object[] {models[i & 3], Integer.valueOf(prompt), Integer.valueOf(completion),
                            Integer.valueOf(prompt + completion)};
                }
            } else if ("constant".equals(event)) {
                String[] constants = new String[64];
                for (int t = 0; t < constants.length; t++) {
                    constants[t] = messages[t].intern(); // a string literal in code: the same instance every call
                }
                for (int i = 0; i < messages.length; i++) {
                    messages[i] = constants[i & 63];
                }
            } else if (!"clean".equals(event)) {
                throw new IllegalArgumentException("event must be clean, constant, args-mdc, mdc-exception or "
                        + "llm-usage: " + event);
            }
        }

        boolean withArguments() {
            return templates != null;
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

    /** An argument that is neither a string nor a number: its text comes from {@code toString()}. */
    record OrderRef(int id, long cents) {
    }

    /** Where the events go: {@code discard} (encode, drop the bytes) or {@code file} (a real file appender). */
    @State(Scope.Thread)
    public static class Sink {
        @Param({"discard", "file"})
        public String sink;

        Path file;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            if ("file".equals(sink)) {
                file = Files.createTempFile("e2e-", ".log");
            } else if (!"discard".equals(sink)) {
                throw new IllegalArgumentException("sink must be discard or file: " + sink);
            }
        }

        /** The configuration resource for a framework and component. */
        String resource(String framework, String component) {
            return "e2e/" + (file == null ? "" : "file/") + framework + "-" + component + ".xml";
        }

        /** What the file holds now, after the appender flushed (default settings flush every event). */
        String read() throws IOException {
            return Files.readString(file);
        }

        /** Keeps the file small: the appenders write in append mode, so they continue at the new end. */
        @TearDown(Level.Iteration)
        public void truncate() throws IOException {
            if (file != null) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Logback configured from {@code e2e/logback-<component>.xml} (or {@code e2e/file/…}). */
    @State(Scope.Thread)
    public static class Logback {
        @Param({"off", "appender", "encoder", "converter"})
        public String component;

        LoggerContext context;
        ch.qos.logback.classic.Logger logger;

        @Setup(Level.Trial)
        public void setup(Events events, Sink sink) throws JoranException, IOException {
            context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            if (sink.file != null) {
                context.putProperty("e2e.file", sink.file.toString());
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(resource(sink.resource("logback", component)));
            logger = context.getLogger(Fixtures.LOGGER);
            events.mdc.forEach(context.getMDCAdapter()::put);
            DiscardingAppender discard = find(context.getLogger("ROOT"));
            if (discard == null && sink.file == null) {
                throw new IllegalStateException("no DISCARD appender in " + component);
            }
            if (!"off".equals(component)) {
                if (discard != null) {
                    discard.stream.startCapture();
                    logger.info(Sanity.probe());
                    Sanity.masks("logback " + component, discard.stream.stopCapture());
                } else {
                    logger.info(Sanity.probe());
                    Sanity.masks("logback " + component + " to a file", sink.read());
                }
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

    /** Log4j2 configured from {@code e2e/log4j2-<component>.xml} (or {@code e2e/file/…}), in its own context. */
    @State(Scope.Thread)
    public static class Log4j {
        @Param({"off", "policy", "layout", "converter"})
        public String component;

        org.apache.logging.log4j.core.LoggerContext context;
        org.apache.logging.log4j.Logger logger;

        @Setup(Level.Trial)
        public void setup(Events events, Sink sink) throws IOException, URISyntaxException {
            if (sink.file != null) {
                System.setProperty("e2e.file", sink.file.toString());
            }
            context = new org.apache.logging.log4j.core.LoggerContext("e2e-" + component);
            URL url = resource(sink.resource("log4j2", component));
            Configuration configuration = ConfigurationFactory.getInstance().getConfiguration(context,
                    ConfigurationSource.fromUri(url.toURI()));
            context.start(configuration);
            logger = context.getLogger(Fixtures.LOGGER);
            events.mdc.forEach(ThreadContext::put);
            DiscardAppender discard = context.getConfiguration().getAppender("DISCARD");
            if (discard == null && sink.file == null) {
                throw new IllegalStateException("no DISCARD appender in " + component);
            }
            if (!"off".equals(component)) {
                if (discard != null) {
                    discard.startCapture();
                    logger.info(Sanity.probe());
                    Sanity.masks("log4j2 " + component, discard.stopCapture());
                } else {
                    logger.info(Sanity.probe());
                    Sanity.masks("log4j2 " + component + " to a file", sink.read());
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            ThreadContext.clearMap();
            context.stop();
        }
    }

    @Benchmark
    public void logback(Events events, Sink sink, Logback logback) {
        int i = events.next();
        Throwable t = events.exceptions[i];
        if (events.withArguments()) {
            Object[] a = events.arguments[i];
            logback.logger.info(events.templates[i], a[0], a[1], a[2], a[3]);
        } else if (t == null) {
            logback.logger.info(events.messages[i]);
        } else {
            logback.logger.info(events.messages[i], t);
        }
    }

    @Benchmark
    public void log4j2(Events events, Sink sink, Log4j log4j) {
        int i = events.next();
        Throwable t = events.exceptions[i];
        if (events.withArguments()) {
            Object[] a = events.arguments[i];
            log4j.logger.info(events.templates[i], a[0], a[1], a[2], a[3]);
        } else if (t == null) {
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
