package dev.scrubber.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.scrubber.core.MaskListener;
import dev.scrubber.core.ScrubberSettings;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code %scrub} options ({@code {maskStyle=full, disabledRules=jwt,github-pat}}) into the shared option
 * holder. Logback splits the option list at commas, so an item without {@code =} continues the previous value.
 */
final class ConverterOptions {
    private ConverterOptions() {
    }

    static ScrubberOptions parse(List<String> items, ContextAware owner) {
        ScrubberOptions options = new ScrubberOptions();
        if (items == null) {
            return options;
        }
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq > 0 && isName(item.substring(0, eq).trim())) {
                apply(options, name, value.toString(), owner);
                name = item.substring(0, eq).trim();
                value.setLength(0);
                value.append(item.substring(eq + 1).trim());
            } else if (name != null) {
                value.append(',').append(item.trim());
            } else {
                options.apply(() -> {
                    throw new IllegalArgumentException("%scrub option '" + item + "' is not name=value");
                });
            }
        }
        apply(options, name, value.toString(), owner);
        return options;
    }

    private static boolean isName(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
    }

    private static void apply(ScrubberOptions o, String name, String value, ContextAware owner) {
        if (name == null) {
            return;
        }
        o.apply(() -> {
            switch (name) {
                case "rule" -> o.addRule(parseRule(value));
                case "listener" -> o.setListener(newListener(value, owner));
                default -> {
                    if (!ScrubberSettings.OPTION_NAMES.contains(name)) {
                        throw new IllegalArgumentException("unknown %scrub option '" + name + "'");
                    }
                    o.settings().apply(Map.of(name, value)); // every shared option, under its shared name
                }
            }
        });
    }

    /** {@code id|keywords|regex}; the regex comes last because it may itself contain {@code |}. */
    private static ScrubRule parseRule(String value) {
        String[] parts = value.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a %scrub rule is written rule=<id>|<keywords>|<regex>");
        }
        ScrubRule rule = new ScrubRule();
        rule.setId(parts[0].trim());
        rule.setKeywords(parts[1].trim().isEmpty() ? null : parts[1].trim());
        rule.setRegex(parts[2]);
        return rule;
    }

    private static MaskListener newListener(String className, ContextAware owner) {
        try {
            return (MaskListener) Class.forName(className.trim(), true, ConverterOptions.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot create listener " + className + ": " + e);
        }
    }
}
