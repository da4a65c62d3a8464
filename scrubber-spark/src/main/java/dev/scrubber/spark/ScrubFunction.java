package dev.scrubber.spark;

import dev.scrubber.core.FailPolicy;
import org.apache.spark.sql.api.java.UDF1;

/**
 * {@code scrub(text)}: the text with every secret masked; null stays null. Fails closed: text the engine cannot
 * scrub becomes {@link FailPolicy#PLACEHOLDER_TEXT}, never the raw value, and the query goes on.
 */
final class ScrubFunction extends EngineFunction implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;

    ScrubFunction(EngineOptions options) {
        super(options);
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
}
