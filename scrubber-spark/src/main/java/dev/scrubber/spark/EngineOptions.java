package dev.scrubber.spark;

import dev.scrubber.core.Scrubber;
import dev.scrubber.core.ScrubberSettings;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine options of a query or job: the {@code spark.scrubber.*} configuration keys with the prefix removed,
 * under the README's option names (parsed by the core's {@link ScrubberSettings}). Small and serializable, it
 * travels to the executors with the tasks; equal options share one engine per JVM ({@link Engines}).
 */
final class EngineOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String PREFIX = "spark.scrubber.";

    /**
     * A key for the fingerprint mask style when none is configured: one per driver, so that every executor of an
     * application masks a value with the same fingerprint (a random key per executor JVM would not).
     */
    private static final String DRIVER_FINGERPRINT_KEY = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    private final TreeMap<String, String> options;

    private EngineOptions(TreeMap<String, String> options) {
        this.options = options;
    }

    /**
     * The options among a Spark configuration's entries, checked on the driver by building (or finding) their
     * engine there.
     *
     * @throws IllegalArgumentException naming the key for an unknown option or a bad value
     */
    static EngineOptions fromConf(Map<String, String> conf) {
        TreeMap<String, String> options = new TreeMap<>();
        conf.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                options.put(key.substring(PREFIX.length()), value);
            }
        });
        if ("fingerprint".equalsIgnoreCase(options.getOrDefault("maskStyle", "").trim())
                && !options.containsKey("fingerprintKey")) {
            options.put("fingerprintKey", DRIVER_FINGERPRINT_KEY);
        }
        EngineOptions parsed = new EngineOptions(options);
        try {
            Engines.get(parsed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "*: " + e.getMessage(), e);
        }
        return parsed;
    }

    /** The engine for these options, built at most once in this JVM. */
    Scrubber scrubber() {
        return Engines.get(this);
    }

    Scrubber build() {
        return new ScrubberSettings().apply(options).build(null);
    }

    SortedMap<String, String> asMap() {
        return java.util.Collections.unmodifiableSortedMap(options);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineOptions other && options.equals(other.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options);
    }

    /** Names the options, never their values (a fingerprint key or a custom rule may be sensitive). */
    @Override
    public String toString() {
        return "EngineOptions" + options.keySet();
    }
}
