package dev.scrubber.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * G8 measured for a shared, loaded machine: the end-to-end configurations of {@link EndToEndBenchmark} (without
 * scrubbing and with each component, one framework, event and sink at a time) all live in one JVM and take turns in
 * short slices of events, the order rotating every round; each ratio is component ÷ off of two slices measured
 * within milliseconds of each other, and the table shows the median over the rounds. Load that comes and goes hits
 * both sides of a ratio alike, which sequential runs (one case after the other, a minute apart) cannot promise.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.scrubber.bench.PairedRunner [--rounds 41] [--slice 2000]
 *     [--events clean,constant,args-mdc,mdc-exception,llm-usage]
 * </pre>
 */
public final class PairedRunner {
    private PairedRunner() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 41;
        int slice = 2000;
        List<String> eventNames = List.of("clean", "constant", "args-mdc", "mdc-exception", "llm-usage");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--slice" -> slice = Integer.parseInt(args[i + 1]);
                case "--events" -> eventNames = List.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println("| Sink | Framework | Event | Component | with ÷ without (median of " + rounds
                + " paired slices) | off ns/event |");
        System.out.println("|---|---|---|---|---|---|");
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        for (String sinkName : List.of("file", "discard")) {
            for (String framework : List.of("logback", "log4j2")) {
                for (String event : eventNames) {
                    EndToEndBenchmark.Events events = new EndToEndBenchmark.Events();
                    events.event = event;
                    events.setup();
                    EndToEndBenchmark.Sink sink = new EndToEndBenchmark.Sink();
                    sink.sink = sinkName;
                    sink.setup();
                    List<String> components = "logback".equals(framework)
                            ? List.of("off", "appender", "encoder", "converter")
                            : List.of("off", "policy", "layout", "converter");
                    List<Runnable> calls = new ArrayList<>();
                    List<Runnable> closes = new ArrayList<>();
                    for (String component : components) {
                        if ("logback".equals(framework)) {
                            EndToEndBenchmark.Logback l = new EndToEndBenchmark.Logback();
                            l.component = component;
                            l.setup(events, sink);
                            calls.add(() -> benchmark.logback(events, sink, l));
                            closes.add(l::tearDown);
                        } else {
                            EndToEndBenchmark.Log4j l = new EndToEndBenchmark.Log4j();
                            l.component = component;
                            l.setup(events, sink);
                            calls.add(() -> benchmark.log4j2(events, sink, l));
                            closes.add(l::tearDown);
                        }
                    }
                    int n = "mdc-exception".equals(event) ? Math.max(1, slice / 8) : slice;
                    double[][] times = new double[calls.size()][rounds];
                    for (int w = 0; w < 50; w++) { // warm-up: every configuration compiled on the same profile
                        for (Runnable call : calls) {
                            run(call, n);
                        }
                    }
                    for (int r = 0; r < rounds; r++) {
                        for (int k = 0; k < calls.size(); k++) {
                            int c = (k + r) % calls.size();
                            times[c][r] = run(calls.get(c), n) / n;
                        }
                        sink.truncate();
                    }
                    for (int c = 1; c < calls.size(); c++) {
                        double[] ratios = new double[rounds];
                        for (int r = 0; r < rounds; r++) {
                            ratios[r] = times[c][r] / times[0][r];
                        }
                        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.3f | %.0f |%n", sinkName, framework,
                                event, components.get(c), median(ratios), median(times[0]));
                    }
                    closes.forEach(Runnable::run);
                    sink.delete();
                }
            }
        }
    }

    private static double run(Runnable call, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            call.run();
        }
        return System.nanoTime() - t0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
