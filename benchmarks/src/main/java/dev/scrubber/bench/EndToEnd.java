package dev.scrubber.bench;

/** Whether the end-to-end benchmarks (which need the Logback and Log4j2 components) are in this jar. */
final class EndToEnd {
    private EndToEnd() {
    }

    static boolean available() {
        try {
            Class.forName("dev.scrubber.bench.EndToEndBenchmark");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
