package dev.scrubber.log4j2;

import dev.scrubber.core.ScrubberSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The option values of one component as Log4j hands them over (strings, nulls for unset), turned into a
 * {@link ScrubberSettings}. The names are {@link ScrubberSettings#OPTION_NAMES}, those of every other adapter.
 */
final class ScrubberOptions {
    private final Map<String, String> values = new TreeMap<>();
    final List<ScrubRule> rules = new ArrayList<>();

    /**
     * The attributes and nested rules of a {@code <ScrubbingPolicy>} or {@code <ScrubbingLayout>} element:
     * {@code values} in the order of {@link ScrubberSettings#OPTION_NAMES}, as the factories declare them
     * (checked by a test).
     */
    static ScrubberOptions ofAttributes(ScrubRule[] rules, String... values) {
        List<String> names = ScrubberSettings.OPTION_NAMES;
        if (values.length != names.size()) {
            throw new IllegalStateException(values.length + " attribute values for " + names.size() + " options");
        }
        ScrubberOptions options = new ScrubberOptions().rules(rules);
        for (int i = 0; i < values.length; i++) {
            options.set(names.get(i), values[i]);
        }
        return options;
    }

    ScrubberOptions rules(ScrubRule[] elements) {
        if (elements != null) {
            for (ScrubRule r : elements) {
                if (r != null) {
                    rules.add(r);
                }
            }
        }
        return this;
    }

    /**
     * Applies one option by name, unless the value is null (an attribute left out); the converter's options
     * arrive this way as {@code name=value} strings.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    ScrubberOptions set(String name, String value) {
        if (!ScrubberSettings.OPTION_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown option '" + name + "'");
        }
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    /** @throws IllegalArgumentException for an invalid value, naming the option */
    ScrubberSettings toSettings() {
        ScrubberSettings s = new ScrubberSettings().apply(values);
        for (ScrubRule r : rules) {
            if (r.id() == null || r.regex() == null) {
                throw new IllegalArgumentException("a <Rule> needs both id and regex");
            }
            s.addRule(r.id(), r.regex(), r.keywords());
        }
        return s;
    }
}
