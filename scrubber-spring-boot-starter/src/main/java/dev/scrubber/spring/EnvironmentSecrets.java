package dev.scrubber.spring;

import dev.scrubber.core.Scrubber;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Registers, as process-wide known secrets, the values of the Spring properties whose names are sensitive in the
 * core's vocabulary ({@link Scrubber#isSensitiveKey}: {@code spring.datasource.password},
 * {@code spring.ai.openai.api-key}, {@code DB_PASSWORD} …), so that a bare occurrence is masked anywhere.
 *
 * <p>Read: every {@link EnumerablePropertySource} of the environment, each value with its own
 * {@code ${…}} references resolved. Values that are still placeholders after resolution, and values the core does
 * not accept as known secrets (shorter than 8 characters, whitespace, plain words, {@code changeme} …), are
 * skipped. Nothing is logged and nothing is kept here; the values live only in the core's known-secret set.
 */
final class EnvironmentSecrets {
    private EnvironmentSecrets() {
    }

    /** @return the number of values registered (new or already known) */
    static int register(ConfigurableEnvironment environment, Scrubber vocabulary) {
        int registered = 0;
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue; // random.*, and Boot's attached view of all the others
            }
            String[] names;
            try {
                names = enumerable.getPropertyNames();
            } catch (RuntimeException e) {
                continue;
            }
            for (String name : names) {
                if (!vocabulary.isSensitiveKey(name)) {
                    continue;
                }
                String value = resolvedValue(environment, enumerable, name);
                if (value != null && !value.contains("${") && Scrubber.isUsableKnownSecret(value)
                        && Scrubber.addGlobalKnownSecret(value)) {
                    registered++;
                }
            }
        }
        return registered;
    }

    private static String resolvedValue(ConfigurableEnvironment environment, PropertySource<?> source, String name) {
        try {
            Object raw = source.getProperty(name);
            if (!(raw instanceof CharSequence) && !(raw instanceof Number)) {
                return null;
            }
            return environment.resolvePlaceholders(raw.toString());
        } catch (RuntimeException e) {
            return null; // a value that cannot be read or resolved is not registered
        }
    }
}
