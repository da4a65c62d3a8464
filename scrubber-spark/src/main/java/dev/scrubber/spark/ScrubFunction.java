package dev.scrubber.spark;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Scrubber;
import org.apache.spark.sql.api.java.UDF1;

/**
 * {@code scrub(text)}: the text with every secret masked; null stays null. Fails closed: text the engine cannot
 * scrub becomes {@link FailPolicy#PLACEHOLDER_TEXT}, never the raw value, and the query goes on.
 */
final class ScrubFunction implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;

    private final EngineOptions options;
    /** Looked up once per deserialized copy (once per task), not per row. */
    private transient Scrubber scrubber;

    ScrubFunction(EngineOptions options) {
        this.options = options;
    }

    @Override
    public String call(String text) {
        if (text == null) {
            return null;
        }
        try {
            return engine().scrub(text);
        } catch (RuntimeException e) {
            return FailPolicy.PLACEHOLDER_TEXT;
        }
    }

    private Scrubber engine() {
        Scrubber s = scrubber;
        if (s == null) {
            s = options.scrubber();
            scrubber = s;
        }
        return s;
    }
}
