package dev.scrubber.spring;

import ch.qos.logback.classic.LoggerContext;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's Logback logging system, which wraps the appenders each time Boot has (re)configured Logback: at
 * start-up, after {@code cleanUp()} and {@code initialize()} (a refresh that re-initialises logging, a second
 * application in the same JVM) and on {@code reinitialize()}. Boot stops the Logback context before each
 * configuration, which drops every context listener, so the wrapping has to come from Boot's own lifecycle.
 */
public class ScrubbingLogbackLoggingSystem extends LogbackLoggingSystem {
    /** Used by Spring Boot's {@code LoggingSystem.get} through {@link Factory}. */
    public ScrubbingLogbackLoggingSystem(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    protected void loadDefaults(LoggingInitializationContext initializationContext, LogFile logFile) {
        super.loadDefaults(initializationContext, logFile);
        wrap(initializationContext);
    }

    @Override
    protected void loadConfiguration(LoggingInitializationContext initializationContext, String location,
            LogFile logFile) {
        super.loadConfiguration(initializationContext, location, logFile);
        wrap(initializationContext);
    }

    private static void wrap(LoggingInitializationContext initializationContext) {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            ScrubberProperties options = ScrubberLoggingListener.options(
                    initializationContext == null ? null : initializationContext.getEnvironment());
            LogbackScrubbing.install(context, options.isEnabled() ? options : null, MaskCounter.INSTANCE);
        }
    }

    /** Ahead of Boot's own Logback factory; registered in {@code META-INF/spring.factories}. */
    @Order(Ordered.HIGHEST_PRECEDENCE + 1023)
    public static class Factory implements LoggingSystemFactory {
        private static final boolean PRESENT = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
                Factory.class.getClassLoader());

        @Override
        public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
            return PRESENT ? new ScrubbingLogbackLoggingSystem(classLoader) : null;
        }
    }
}
