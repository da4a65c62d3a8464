package dev.scrubber.bench;

import dev.scrubber.core.Continuations;
import dev.scrubber.core.Scrubber;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the continuation stage (secrets split across events) adds to a clean message: the engine alone against the
 * engine plus {@link Continuations} for one logger and thread, on the same messages. Also a clean HttpClient wire
 * line ({@code http-outgoing-0 << "…"}), whose framing the stage parses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ContinuationBenchmark {
    @Param({"clean", "json"})
    public String corpus;

    @Param({"200", "1024"})
    public int size;

    private Scrubber scrubber;
    private Continuations continuations;
    private String[] messages;
    private String[] wire;
    private int cursor;

    @Setup(Level.Trial)
    public void setup() {
        scrubber = Scrubber.builder().knownSecretsFromEnvironment(false).build();
        continuations = Continuations.of(scrubber);
        messages = Corpora.messages(corpus, size, 42);
        wire = new String[messages.length];
        for (int i = 0; i < messages.length; i++) {
            wire[i] = "http-outgoing-0 << \"" + messages[i].replace("\"", "'") + "[\\r][\\n]\"";
        }
    }

    private int next() {
        cursor = (cursor + 1) & (Corpora.COUNT - 1);
        return cursor;
    }

    @Benchmark
    public String engine() {
        return scrubber.scrub(messages[next()]);
    }

    @Benchmark
    public String withContinuations() {
        return continuations.scrub("com.example.orders.OrderService", "main", messages[next()]);
    }

    @Benchmark
    public String wireEngine() {
        return scrubber.scrub(wire[next()]);
    }

    @Benchmark
    public String wireWithContinuations() {
        return continuations.scrub("org.apache.hc.client5.http.wire", "main", wire[next()]);
    }
}
