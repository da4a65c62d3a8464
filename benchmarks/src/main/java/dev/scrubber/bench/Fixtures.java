package dev.scrubber.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.scrubber.core.RuleInfo;
import dev.scrubber.core.Scrubber;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.ByteBufferDestinationHelper;
import org.apache.logging.log4j.message.SimpleMessage;

/** Shared building blocks: the same layout pattern, logger name and rule selection for every benchmark. */
final class Fixtures {
    /** The pattern of the research measurements, used by every Logback and Log4j2 layout here. */
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n";
    static final String LOGGER = "com.example.orders.OrderService";
    /** What the naive alternatives replace a match with. */
    static final String MASK = "[REDACTED]";
    /** Regex lists use 200 patterns where the engine uses all of its built-in rules. */
    static final int ALL_REGEXES = 200;

    private Fixtures() {
    }

    /** {@code "10"}, {@code "50"} or {@code "all"} as the number of built-in rules (all of them for "all"). */
    static int ruleCount(String rules) {
        return "all".equals(rules) ? Scrubber.builtInRules().size() : Integer.parseInt(rules);
    }

    /** {@code "10"}, {@code "50"} or {@code "all"} as the number of typical regexes (200 for "all"). */
    static int regexCount(String rules) {
        return "all".equals(rules) ? ALL_REGEXES : Integer.parseInt(rules);
    }

    /** The engine with the first {@code rules} built-in rules and nothing from the environment. */
    static Scrubber scrubber(String rules) {
        Scrubber.Builder b = Scrubber.builder().knownSecretsFromEnvironment(false);
        if (!"all".equals(rules)) {
            List<RuleInfo> all = Scrubber.builtInRules();
            b.enableOnly(all.subList(0, ruleCount(rules)).stream().map(RuleInfo::id).toArray(String[]::new));
        }
        return b.build();
    }

    static LoggerContext logbackContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        return context;
    }

    static PatternLayoutEncoder logbackEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    static LoggingEvent[] logbackEvents(LoggerContext context, String[] messages) {
        Logger logger = context.getLogger(LOGGER);
        LoggingEvent[] events = new LoggingEvent[messages.length];
        for (int i = 0; i < messages.length; i++) {
            events[i] = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, messages[i], null, null);
            events[i].getThreadName(); // resolved once, as the appender thread would
        }
        return events;
    }

    static Configuration log4jConfiguration() {
        return new DefaultConfiguration();
    }

    static LogEvent[] log4jEvents(String[] messages) {
        LogEvent[] events = new LogEvent[messages.length];
        long now = System.currentTimeMillis();
        for (int i = 0; i < messages.length; i++) {
            events[i] = Log4jLogEvent.newBuilder().setLoggerName(LOGGER)
                    .setLoggerFqcn(org.apache.logging.log4j.Logger.class.getName())
                    .setLevel(org.apache.logging.log4j.Level.INFO).setMessage(new SimpleMessage(messages[i]))
                    .setThreadName("main").setTimeMillis(now + i).build();
        }
        return events;
    }

    /** A Log4j2 garbage-free destination that throws the bytes away once its buffer is full. */
    static final class DiscardingDestination implements ByteBufferDestination {
        private final ByteBuffer buffer = ByteBuffer.allocate(8192);
        long drained;

        @Override
        public ByteBuffer getByteBuffer() {
            return buffer;
        }

        @Override
        public ByteBuffer drain(ByteBuffer buf) {
            drained += buf.position();
            buf.clear();
            return buf;
        }

        @Override
        public void writeBytes(ByteBuffer data) {
            ByteBufferDestinationHelper.writeToUnsynchronized(data, this);
        }

        @Override
        public void writeBytes(byte[] data, int offset, int length) {
            ByteBufferDestinationHelper.writeToUnsynchronized(data, offset, length, this);
        }

        /** Bytes written so far, so that the benchmark has a result the JIT cannot drop. */
        long written() {
            return drained + buffer.position();
        }
    }
}
