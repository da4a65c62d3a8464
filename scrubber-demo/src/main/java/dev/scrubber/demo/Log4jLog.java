package dev.scrubber.demo;

import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The service's logging through log4j-api, bound to Log4j Core and configured by {@code log4j2.xml}. */
final class Log4jLog implements ChatService.Log {
    private final Logger logger = LogManager.getLogger(ChatService.class);

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
        try (CloseableThreadContext.Instance ignored = CloseableThreadContext.put(key, value)) {
            body.run();
        }
    }
}
