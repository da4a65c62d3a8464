package dev.scrubber.spring;

import dev.scrubber.core.Scrubber;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Installs scrubbing into Spring Boot's logging system right after Boot has initialised it, with no logging
 * configuration file needed. Registered in {@code META-INF/spring.factories}, so it runs before any bean exists:
 *
 * <ul>
 *   <li>on {@link ApplicationEnvironmentPreparedEvent}, ordered just after Boot's {@link LoggingApplicationListener}:
 *   binds {@code scrubber.*}, registers the values of secret-named properties as known secrets, and wraps every
 *   appender of the active Logback or Log4j2 configuration (a hook on the logging context wraps again after each
 *   later reinitialisation);</li>
 *   <li>on {@link ContextRefreshedEvent}: reads the property sources the refresh added ({@code @PropertySource})
 *   and makes sure the wrapping is still in place.</li>
 * </ul>
 *
 * <p>{@code scrubber.enabled=false} removes the wrapping and registers nothing.
 */
public class ScrubberLoggingListener implements GenericApplicationListener {
    /** Just after Spring Boot's own logging listener, which configures the logging system. */
    public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";
    private static final String LOG4J2 = "org.apache.logging.log4j.core.LoggerContext";

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ContextRefreshedEvent.class.isAssignableFrom(type));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        ConfigurableEnvironment environment;
        ClassLoader classLoader;
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            environment = prepared.getEnvironment();
            classLoader = prepared.getSpringApplication().getClassLoader();
        } else if (event instanceof ContextRefreshedEvent refreshed
                && refreshed.getApplicationContext().getEnvironment() instanceof ConfigurableEnvironment env) {
            environment = env;
            classLoader = refreshed.getApplicationContext().getClassLoader();
        } else {
            return;
        }
        apply(environment, classLoader);
    }

    /** The bound {@code scrubber.*} options; defaults when there is no environment or a value does not bind. */
    static ScrubberProperties options(org.springframework.core.env.Environment environment) {
        if (environment == null) {
            return new ScrubberProperties();
        }
        try {
            return Binder.get(environment).bind("scrubber", ScrubberProperties.class).orElseGet(ScrubberProperties::new);
        } catch (RuntimeException e) {
            // A value that does not bind (scrubber.enabled=flase) must not turn scrubbing off: defaults apply, and
            // Boot reports the same binding error when it binds ScrubberProperties as a bean.
            return new ScrubberProperties();
        }
    }

    private static void apply(ConfigurableEnvironment environment, ClassLoader classLoader) {
        ScrubberProperties options = options(environment);
        boolean enabled = options.isEnabled();
        if (enabled && options.isKnownSecretsFromProperties()) {
            EnvironmentSecrets.register(environment, vocabulary(options));
        }
        String system = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        if (LoggingSystem.NONE.equals(system)) {
            return;
        }
        LoggingSystem active = LoggingSystem.get(classLoader);
        String name = active.getClass().getName();
        if (name.endsWith("LogbackLoggingSystem") && ClassUtils.isPresent(LOGBACK, classLoader)) {
            LogbackHook.install(enabled ? options : null);
        } else if (name.endsWith("Log4J2LoggingSystem") && ClassUtils.isPresent(LOG4J2, classLoader)) {
            Log4j2Hook.install(enabled ? options : null);
        }
    }

    /** The core's sensitive-name vocabulary, with the user's extra {@code scrubber.sensitive-keys}. */
    private static Scrubber vocabulary(ScrubberProperties options) {
        return Scrubber.builder().knownSecretsFromEnvironment(false)
                .addSensitiveKeys(options.getSensitiveKeys().toArray(new String[0])).build();
    }

    /** Holds the Logback types, so that this listener loads without Logback. */
    private static final class LogbackHook {
        static void install(ScrubberProperties options) {
            if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
                LogbackScrubbing.install(context, options, MaskCounter.INSTANCE);
            }
        }
    }

    /** Holds the Log4j2 types, so that this listener loads without Log4j2. */
    private static final class Log4j2Hook {
        static void install(ScrubberProperties options) {
            if (org.apache.logging.log4j.LogManager.getContext(false)
                    instanceof org.apache.logging.log4j.core.LoggerContext context) {
                Log4j2Scrubbing.install(context, options, MaskCounter.INSTANCE);
            }
        }
    }
}
