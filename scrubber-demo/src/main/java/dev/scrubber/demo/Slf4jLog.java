package dev.scrubber.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The service's logging through SLF4J, bound to Logback and configured by {@code logback.xml}. */
final class Slf4jLog implements ChatService.Log {
    private final Logger logger = LoggerFactory.getLogger(ChatService.class);

    @Override
    public void info(String template, Object arg) {
        logger.info(template, arg);
    }

    @Override
    public void warn(String template, Object arg) {
        logger.warn(template, arg);
    }

    @Override
    public void error(String message, Throwable t) {
        logger.error(message, t);
    }

    @Override
    public void withContext(String key, String value, Runnable body) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(key, value)) {
            body.run();
        }
    }
}
