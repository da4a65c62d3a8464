package dev.scrubber.spark;

import dev.scrubber.core.Scrubber;
import java.io.Serializable;

/**
 * A SQL function's state as it travels to the executors: only the options. The engine is looked up in the JVM's
 * {@link Engines} once per deserialized copy (once per task), never per row.
 */
abstract class EngineFunction implements Serializable {
    private static final long serialVersionUID = 1L;

    private final EngineOptions options;
    private transient Scrubber scrubber;

    EngineFunction(EngineOptions options) {
        this.options = options;
    }

    final Scrubber engine() {
        Scrubber s = scrubber;
        if (s == null) {
            s = options.scrubber();
            scrubber = s;
        }
        return s;
    }
}
