package dev.scrubber.aws;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output captured while the XML-configured Logback ({@code logback-test.xml}) and Log4j2
 * ({@code log4j2-test.xml}) setups write to it: both console appenders look up {@code System.out} per write.
 */
final class LoggingOutput implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LoggingOutput() {
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    String text() {
        System.out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
