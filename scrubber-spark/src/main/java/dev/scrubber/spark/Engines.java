package dev.scrubber.spark;

import dev.scrubber.core.Scrubber;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One engine per distinct {@link EngineOptions} per JVM: compiling the rule catalog takes milliseconds, scrubbing a
 * row microseconds, so an executor builds the engine on the first row it sees and every later task, partition and
 * row in that JVM reuses it. The engine is immutable and thread-safe, so concurrent tasks share it.
 */
final class Engines {
    private static final ConcurrentHashMap<EngineOptions, Scrubber> ENGINES = new ConcurrentHashMap<>();
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private Engines() {
    }

    static Scrubber get(EngineOptions options) {
        return ENGINES.computeIfAbsent(options, o -> {
            BUILDS.incrementAndGet();
            return o.build();
        });
    }

    /** How many engines this JVM has built. */
    static int builds() {
        return BUILDS.get();
    }

    /** Test seam: makes {@code options} use {@code scrubber} (e.g. one whose listener fails). */
    static void put(EngineOptions options, Scrubber scrubber) {
        ENGINES.put(options, scrubber);
    }
}
