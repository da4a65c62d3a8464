package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.core.LifeCycle;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Starts real Log4j from an XML file in src/test/resources through {@link Configurator#initialize}, with file
 * appenders writing below a fresh directory ({@code ${sys:scrub.dir}}), and reads back what was written once the
 * context is stopped (which drains async loggers and queues).
 */
final class LoggingFixture implements AutoCloseable {
    private final LoggerContext context;
    private final Path dir;
    private boolean stopped;

    private LoggingFixture(LoggerContext context, Path dir) {
        this.context = context;
        this.dir = dir;
    }

    static LoggingFixture start(String resource) {
        try {
            Path dir = Files.createTempDirectory("log4j2-scrubber");
            System.setProperty("scrub.dir", dir.toString());
            URI uri = LoggingFixture.class.getResource("/" + resource).toURI();
            LoggerContext context = Configurator.initialize(resource, null, uri);
            assertThat(context.getState()).isEqualTo(LifeCycle.State.STARTED);
            assertThat(context.getConfiguration().getName()).isEqualTo(nameOf(resource));
            return new LoggingFixture(context, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configurations are named after their file, so a test can tell it did not get a stale context. */
    private static String nameOf(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".xml".length());
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    LoggerContext context() {
        return context;
    }

    /** Stops Log4j (flushing everything) and returns the content of a file the configuration wrote. */
    String file(String name) {
        stop();
        try {
            Path path = dir.resolve(name);
            return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Log4j and returns what a Capture appender got through {@code toByteArray}, one entry per event. */
    List<String> captured(String appender) {
        stop();
        return CaptureAppender.output(appender);
    }

    void stop() {
        if (!stopped) {
            stopped = true;
            Configurator.shutdown(context, 30, java.util.concurrent.TimeUnit.SECONDS); // drains async queues
        }
    }

    /** Stops Log4j and deletes the files it wrote (they hold fake secrets in the raw-output tests). */
    @Override
    public void close() {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory left behind does no harm
        }
    }
}
