package dev.scrubber.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Logback of the test JVM, configured from an XML file through {@link JoranConfigurator}, with
 * {@code System.out} captured so that console appenders can be read back. Close it to restore stdout and reset.
 */
final class Logback implements AutoCloseable {
    final LoggerContext context;
    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private Logback(String resource, Map<String, String> properties) {
        this(resourceUrl(resource), properties);
    }

    private static URL resourceUrl(String resource) {
        URL url = Logback.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        return url;
    }

    private Logback(URL url, Map<String, String> properties) {
        context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.stop();
        context.reset();
        context.getStatusManager().clear();
        properties.forEach(context::putProperty);
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            close();
            throw new IllegalStateException(e);
        }
        context.start(); // LoggerContext.stop() does nothing on a context that was not started
    }

    static Logback configure(String resource) {
        return new Logback(resource, Map.of());
    }

    static Logback configure(URL file) {
        return new Logback(file, Map.of());
    }

    static Logback configure(String resource, Map<String, String> properties) {
        return new Logback(resource, properties);
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** Stops the context, which flushes and closes every appender (and drains async queues). */
    void stop() {
        context.stop();
    }

    /** Everything written to System.out so far. */
    String stdout() {
        System.out.flush();
        return stdout.toString(StandardCharsets.UTF_8);
    }

    byte[] stdoutBytes() {
        System.out.flush();
        return stdout.toByteArray();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Status> statuses() {
        return context.getStatusManager().getCopyOfStatusList();
    }

    List<String> statusMessages(int level) {
        return statuses().stream().filter(s -> s.getLevel() == level).map(Status::getMessage).toList();
    }

    /** All status text, including the messages of attached exceptions. */
    String allStatusText() {
        StringBuilder sb = new StringBuilder();
        for (Status s : statuses()) {
            sb.append(s.getMessage()).append('\n');
            for (Throwable t = s.getThrowable(); t != null; t = t.getCause()) {
                sb.append(t).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        context.stop();
        context.reset();
        System.setOut(originalOut);
    }
}
