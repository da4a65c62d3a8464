package dev.scrubber.demo;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.slf4j.LoggerFactory;

/**
 * Runs a pretend LLM service that leaks fake keys the usual four ways (a configuration dump, a key in the MDC, a
 * 401 exception carrying an {@code Authorization} header, a database URL with its password) through Logback
 * and through Log4j2 in the same JVM. Each is configured from an ordinary XML file on the class path:
 * {@code logback.xml} routes events through {@code dev.scrubber.logback.ScrubbingAppender}, {@code log4j2.xml}
 * through a {@code <Rewrite>} appender with {@code <ScrubbingPolicy/>}. The scrubbed console output comes first;
 * then, for contrast, what plain appenders without the scrubber wrote for the same events.
 *
 * <p>Usage: {@code java -jar scrubber-demo/target/scrubber-demo.jar [--seed N]}; the seed makes the fake keys
 * reproducible (default: random).
 */
public final class LlmServiceDemo {
    /** Printed before the unprotected output; the demo's test splits the output here. */
    public static final String CONTRAST_HEADER =
            "=== 3. For contrast: the same events WITHOUT the scrubber (fake keys, generated at startup) ===";

    private LlmServiceDemo() {
    }

    public static void main(String[] args) throws IOException {
        long seed = args.length == 2 && args[0].equals("--seed") ? Long.parseLong(args[1]) : new SecureRandom().nextLong();
        Path unprotected = Files.createTempDirectory("scrubber-demo");
        System.setProperty("demo.unprotectedDir", unprotected.toString());
        PrintStream out = System.out;
        try {
            FakeKeys keys = new FakeKeys(seed);
            out.println("log-scrubber demo: a chat service loads provider keys (fake ones, generated now) and logs.");
            out.println();
            out.println("=== 1. Logback via SLF4J; logback.xml: ScrubbingAppender -> ConsoleAppender ===");
            new ChatService(keys.environment(), new Slf4jLog()).run();
            out.println();
            out.println("=== 2. Log4j2 via log4j-api; log4j2.xml: Rewrite + ScrubbingPolicy -> Console ===");
            new ChatService(keys.environment(), new Log4jLog()).run();
            stopLogging();
            out.println();
            out.println(CONTRAST_HEADER);
            for (String name : new String[] {"logback.log", "log4j2.log"}) {
                out.print(Files.readString(unprotected.resolve(name), StandardCharsets.UTF_8));
            }
        } finally {
            deleteRecursively(unprotected);
        }
    }

    /** Flushes and closes both frameworks' appenders, so the unprotected files are complete. */
    private static void stopLogging() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        LogManager.shutdown();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
