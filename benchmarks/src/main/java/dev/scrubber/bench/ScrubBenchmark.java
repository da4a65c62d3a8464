package dev.scrubber.bench;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.scrubber.core.Scrubber;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.RegexReplacement;
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
 * The engine next to its denominators and next to what users run today, on the same corpus. Every benchmark
 * takes the next of {@link Corpora#COUNT} distinct messages per call, so ratios between methods compare the
 * same work. Parameters: {@code corpus} and {@code size} (all methods), {@code rules} ("10", "50", "all") for the
 * engine and the regex-based alternatives.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
public class ScrubBenchmark {
    /** 13 characters that no corpus line holds: the {@code String.indexOf} yardstick. */
    static final String LITERAL_13 = "sk-ant-" + "api03-";

    /** The corpus: distinct messages of one kind and size, and a cursor over them. */
    @State(Scope.Thread)
    public static class Input {
        @Param({"clean", "json", "stacktrace", "utf16", "one-secret", "secrets-1", "secrets-10", "adversarial"})
        public String corpus;

        @Param({"64", "200", "1024", "16384", "65536"})
        public int size;

        String[] messages;
        private int cursor;

        @Setup(Level.Trial)
        public void setup() {
            messages = Corpora.messages(corpus, size, 42);
        }

        int nextIndex() {
            cursor = (cursor + 1) & (Corpora.COUNT - 1);
            return cursor;
        }

        String next() {
            return messages[nextIndex()];
        }
    }

    /** The engine with the first N built-in rules. */
    @State(Scope.Thread)
    public static class Engine {
        @Param({"10", "50", "all"})
        public String rules;

        Scrubber scrubber;

        @Setup(Level.Trial)
        public void setup() {
            scrubber = Fixtures.scrubber(rules);
        }
    }

    /** N typical regexes as a loop of JDK patterns, one JDK alternation, and a loop of re2j patterns. */
    @State(Scope.Thread)
    public static class Regexes {
        @Param({"10", "50", "all"})
        public String rules;

        Pattern[] jdk;
        Pattern alternation;
        com.google.re2j.Pattern[] re2j;

        @Setup(Level.Trial)
        public void setup() {
            List<String> regexes = TypicalRegexes.first(Fixtures.regexCount(rules));
            jdk = regexes.stream().map(Pattern::compile).toArray(Pattern[]::new);
            alternation = Pattern.compile(TypicalRegexes.alternation(regexes));
            re2j = regexes.stream().map(com.google.re2j.Pattern::compile).toArray(com.google.re2j.Pattern[]::new);
            String probe = Sanity.probe();
            Sanity.masks("regex loop", jdkLoop(this, probe));
            Sanity.masks("regex alternation", alternation.matcher(probe).replaceAll(Fixtures.MASK));
            Sanity.masks("re2j loop", re2jLoop(this, probe));
        }
    }

    /** Logback's {@code PatternLayoutEncoder} and one pre-built event per corpus message. */
    @State(Scope.Thread)
    public static class LogbackEncoding {
        LoggerContext context;
        PatternLayoutEncoder encoder;
        LoggingEvent[] events;

        @Setup(Level.Trial)
        public void setup(Input input) {
            context = Fixtures.logbackContext();
            encoder = Fixtures.logbackEncoder(context);
            events = Fixtures.logbackEvents(context, input.messages);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.stop();
        }
    }

    /** Log4j2's {@code PatternLayout}, encoding garbage-free into a discarding destination. */
    @State(Scope.Thread)
    public static class Log4jEncoding {
        PatternLayout layout;
        LogEvent[] events;
        final Fixtures.DiscardingDestination destination = new Fixtures.DiscardingDestination();

        @Setup(Level.Trial)
        public void setup(Input input) {
            layout = PatternLayout.newBuilder().withPattern(Fixtures.PATTERN)
                    .withConfiguration(Fixtures.log4jConfiguration()).build();
            events = Fixtures.log4jEvents(input.messages);
        }
    }

    /** Log4j2 with N nested {@code %replace} converters around the message, as users stack them. */
    @State(Scope.Thread)
    public static class Log4jReplace {
        @Param({"10", "50", "all"})
        public String rules;

        PatternLayout layout;
        LogEvent[] events;
        final Fixtures.DiscardingDestination destination = new Fixtures.DiscardingDestination();

        @Setup(Level.Trial)
        public void setup(Input input) {
            String message = "%msg";
            for (String regex : TypicalRegexes.first(Fixtures.regexCount(rules))) {
                message = "%replace{" + message + "}{" + regex + "}{" + Fixtures.MASK + "}";
            }
            layout = PatternLayout.newBuilder().withPattern(Fixtures.PATTERN.replace("%msg", message))
                    .withConfiguration(Fixtures.log4jConfiguration()).build();
            events = Fixtures.log4jEvents(input.messages);
            String probe = Sanity.probe();
            Sanity.masks("log4j2 %replace", layout.toSerializable(Fixtures.log4jEvents(new String[] {probe})[0]));
        }
    }

    /** Log4j2's layout-level {@code <Replace>} with the N regexes as one alternation. */
    @State(Scope.Thread)
    public static class Log4jReplaceElement {
        @Param({"10", "50", "all"})
        public String rules;

        PatternLayout layout;
        LogEvent[] events;
        final Fixtures.DiscardingDestination destination = new Fixtures.DiscardingDestination();

        @Setup(Level.Trial)
        public void setup(Input input) {
            String alternation = TypicalRegexes.alternation(TypicalRegexes.first(Fixtures.regexCount(rules)));
            layout = PatternLayout.newBuilder().withPattern(Fixtures.PATTERN)
                    .withRegexReplacement(RegexReplacement.createRegexReplacement(Pattern.compile(alternation),
                            Fixtures.MASK))
                    .withConfiguration(Fixtures.log4jConfiguration()).build();
            events = Fixtures.log4jEvents(input.messages);
            String probe = Sanity.probe();
            Sanity.masks("log4j2 <Replace>", layout.toSerializable(Fixtures.log4jEvents(new String[] {probe})[0]));
        }
    }

    /** logstash-logback-encoder without masking: the denominator of its masking overhead. */
    @State(Scope.Thread)
    public static class Logstash {
        LoggerContext context;
        LogstashEncoder encoder;
        LoggingEvent[] events;

        @Setup(Level.Trial)
        public void setup(Input input) {
            context = Fixtures.logbackContext();
            encoder = new LogstashEncoder();
            encoder.setContext(context);
            encoder.start();
            events = Fixtures.logbackEvents(context, input.messages);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            encoder.stop();
            context.stop();
        }
    }

    /** logstash-logback-encoder with {@code MaskingJsonGeneratorDecorator} value masks for the N regexes. */
    @State(Scope.Thread)
    public static class LogstashMasked {
        @Param({"10", "50", "all"})
        public String rules;

        LoggerContext context;
        LogstashEncoder encoder;
        LoggingEvent[] events;

        @Setup(Level.Trial)
        public void setup(Input input) {
            context = Fixtures.logbackContext();
            MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
            masking.setDefaultMask(Fixtures.MASK);
            for (String regex : TypicalRegexes.first(Fixtures.regexCount(rules))) {
                masking.addValue(regex);
            }
            masking.start();
            encoder = new LogstashEncoder();
            encoder.setContext(context);
            encoder.setJsonGeneratorDecorator(masking);
            encoder.start();
            events = Fixtures.logbackEvents(context, input.messages);
            String probe = Sanity.probe();
            Sanity.masks("logstash masking", new String(
                    encoder.encode(Fixtures.logbackEvents(context, new String[] {probe})[0]), StandardCharsets.UTF_8));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            encoder.stop();
            context.stop();
        }
    }

    // ---- the engine ----

    @Benchmark
    public String engine(Input input, Engine engine) {
        return engine.scrubber.scrub(input.next());
    }

    /** A reused buffer, as a garbage-free Log4j2 layout holds one. */
    @State(Scope.Thread)
    public static class Buffer {
        final StringBuilder text = new StringBuilder(1024);
    }

    /**
     * The in-place entry point the Log4j2 components use, on the same messages: copy the message into a reused
     * {@code StringBuilder} (a few ns) and scrub that range. Compare with {@link #engine} for the cost of a
     * non-{@code String} input.
     */
    @Benchmark
    public int engineInPlace(Input input, Engine engine, Buffer buffer) {
        StringBuilder sb = buffer.text;
        sb.setLength(0);
        sb.append(input.next());
        return engine.scrubber.scrub(sb, 0, sb.length());
    }

    // ---- denominators: the cost of scanning and of logging itself ----

    /** A per-thread {@link ScanFloor}. */
    @State(Scope.Thread)
    public static class Floor {
        final ScanFloor floor = new ScanFloor();
    }

    @Benchmark
    public int scanFloor(Input input, Floor floor) {
        return floor.floor.hits(input.next());
    }

    @Benchmark
    public int indexOf13(Input input) {
        return input.next().indexOf(LITERAL_13);
    }

    @Benchmark
    public byte[] logbackEncode(Input input, LogbackEncoding logback) {
        return logback.encoder.encode(logback.events[input.nextIndex()]);
    }

    @Benchmark
    public long log4j2Encode(Input input, Log4jEncoding log4j) {
        log4j.layout.encode(log4j.events[input.nextIndex()], log4j.destination);
        return log4j.destination.written();
    }

    // ---- what users run today ----

    @Benchmark
    public String regexLoop(Input input, Regexes regexes) {
        return jdkLoop(regexes, input.next());
    }

    @Benchmark
    public String regexAlternation(Input input, Regexes regexes) {
        return regexes.alternation.matcher(input.next()).replaceAll(Fixtures.MASK);
    }

    @Benchmark
    public String re2jLoop(Input input, Regexes regexes) {
        return re2jLoop(regexes, input.next());
    }

    @Benchmark
    public long log4j2ReplaceConverter(Input input, Log4jReplace log4j) {
        log4j.layout.encode(log4j.events[input.nextIndex()], log4j.destination);
        return log4j.destination.written();
    }

    @Benchmark
    public long log4j2ReplaceElement(Input input, Log4jReplaceElement log4j) {
        log4j.layout.encode(log4j.events[input.nextIndex()], log4j.destination);
        return log4j.destination.written();
    }

    @Benchmark
    public byte[] logstashEncode(Input input, Logstash logstash) {
        return logstash.encoder.encode(logstash.events[input.nextIndex()]);
    }

    @Benchmark
    public byte[] logstashMaskedEncode(Input input, LogstashMasked logstash) {
        return logstash.encoder.encode(logstash.events[input.nextIndex()]);
    }

    static String jdkLoop(Regexes regexes, String text) {
        String s = text;
        for (Pattern p : regexes.jdk) {
            s = p.matcher(s).replaceAll(Fixtures.MASK);
        }
        return s;
    }

    static String re2jLoop(Regexes regexes, String text) {
        String s = text;
        for (com.google.re2j.Pattern p : regexes.re2j) {
            s = p.matcher(s).replaceAll(Fixtures.MASK);
        }
        return s;
    }
}
