package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.FakeSecrets.Sample;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Coverage-guided fuzzing of the event snapshot behind a real {@link ScrubbingAppender} (configured from
 * {@code config/fuzz-appender-file.xml}, writing a real file): fuzzed message templates, arguments (some whose
 * {@code toString()} throws), MDC entries, key-value pairs and throwable chains (possibly cyclic, with throwing
 * {@code getMessage()}), with one planted fake secret on one of those surfaces. Nothing may throw into the caller,
 * the event must be written, and no piece of the planted secret may appear in the file.
 *
 * <p>A normal build runs only the regression inputs in {@code src/test/resources/dev/scrubber/logback/
 * AppenderEventFuzzTestInputs}; to fuzz: {@code JAZZER_FUZZ=1 mvn -pl logback-scrubber test
 * -Dtest=AppenderEventFuzzTest} (see docs/fuzzing.md).
 */
class AppenderEventFuzzTest {
    private static final List<String> RULES = FakeSecrets.ruleIds();
    private static final String[] SURFACES = {"message", "argument", "mdc", "kvp", "exception", "suppressed"};
    private static Path dir;
    private static Path file;
    private static Logback logback;
    private static Logger log;
    private static long seq;

    @BeforeAll
    static void configure() throws IOException {
        dir = Files.createTempDirectory("logback-fuzz");
        file = dir.resolve("fuzz.log");
        logback = Logback.configure("/config/fuzz-appender-file.xml", Map.of("LOG_FILE", file.toString()));
        log = logback.logger("fuzz.Events");
    }

    @AfterAll
    static void close() throws IOException {
        MDC.clear();
        logback.close();
        Files.deleteIfExists(file); // it holds nothing raw, but it is large after a long fuzz run
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "30s")
    void plantedSecretNeverReachesTheFile(FuzzedDataProvider data) throws IOException {
        Sample sample = new FakeSecrets(data.consumeLong()).sample(RULES.get(data.consumeInt(0, RULES.size() - 1)));
        String surface = SURFACES[data.consumeInt(0, SURFACES.length - 1)];
        String planted = " " + sample.text() + " ";
        long id = ++seq;

        String template = data.consumeString(120);
        if (surface.equals("message")) {
            template = template + planted;
        }
        List<Object> args = new ArrayList<>();
        int argCount = data.consumeInt(0, 4);
        for (int i = 0; i < argCount; i++) {
            args.add(fuzzedArgument(data));
        }
        if (surface.equals("argument")) {
            args.add(data.consumeInt(0, args.size()), planted);
            template = template + " {}";
        }
        MDC.clear();
        int mdcCount = data.consumeInt(0, 5);
        for (int i = 0; i < mdcCount; i++) {
            MDC.put(data.consumeString(16), data.consumeBoolean() ? null : data.consumeString(60));
        }
        if (surface.equals("mdc")) {
            MDC.put("planted", planted);
        }
        MDC.put("seq", Long.toString(id));
        Throwable thrown = data.consumeBoolean() || surface.equals("exception") || surface.equals("suppressed")
                ? fuzzedChain(data, surface, planted) : null;
        String kvKey = data.consumeString(16);
        String kvValue = surface.equals("kvp") ? planted : data.consumeString(40);

        String message = template;
        long before = Files.size(file);
        assertThatCode(() -> {
            LoggingEventBuilder event = log.atInfo().setMessage(message).addKeyValue(kvKey, kvValue);
            for (Object arg : args) {
                event = event.addArgument(arg);
            }
            if (thrown != null) {
                event = event.setCause(thrown);
            }
            event.log();
        }).doesNotThrowAnyException();
        MDC.clear();

        String written = readFrom(before);
        assertThat(written).as("the event was written").startsWith(">>" + id + "<< ");
        for (String piece : sample.pieces()) {
            assertThat(written).as("planted " + sample.ruleId() + " on " + surface).doesNotContain(piece);
        }
    }

    private static Object fuzzedArgument(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeString(60);
            case 1 -> new ThrowingToString(data.consumeString(30));
            case 2 -> data.consumeLong();
            default -> null;
        };
    }

    /** A chain of 1..5 throwables with fuzzed messages, optionally cyclic and with a throwing getMessage(). */
    private static Throwable fuzzedChain(FuzzedDataProvider data, String surface, String planted) {
        int length = data.consumeInt(1, 5);
        int plantAt = data.consumeInt(0, length - 1);
        FuzzedException[] chain = new FuzzedException[length];
        for (int i = 0; i < length; i++) {
            String message = data.consumeBoolean() ? null : data.consumeString(80);
            if (surface.equals("exception") && i == plantAt) {
                message = (message == null ? "" : message) + planted;
            }
            chain[i] = new FuzzedException(message, data.consumeBoolean() && data.consumeBoolean());
            if (i > 0) {
                chain[i - 1].initCause(chain[i]);
            }
        }
        if (length > 1 && data.consumeBoolean()) {
            chain[length - 1].initCause(chain[data.consumeInt(0, length - 2)]); // a cause cycle
        }
        if (surface.equals("suppressed")) {
            chain[plantAt].addSuppressed(new IllegalStateException("suppressed" + planted));
        }
        if (length > 1 && data.consumeBoolean()) {
            chain[length - 1].addSuppressed(chain[0]); // a suppression cycle
        }
        return chain[0];
    }

    private static String readFrom(long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (raf.length() - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** An argument object whose toString() fails. */
    private record ThrowingToString(String text) {
        @Override
        public String toString() {
            throw new IllegalStateException("toString failed: " + text);
        }
    }

    /**
     * An exception created without a cause (so initCause may build a cycle), optionally failing getMessage() when our
     * adapter calls it. Logback itself calls getMessage() in the caller's thread while it builds the event, before any
     * appender runs (three times, more around a cycle), so an exception that fails there is Logback's limit, not ours
     * (docs/logback.md); the first fuzz runs found exactly that (inputs throwing-get-message, cycle-get-message).
     */
    private static final class FuzzedException extends RuntimeException {
        private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
        private final boolean throwingMessage;

        FuzzedException(String message, boolean throwingMessage) {
            super(message);
            this.throwingMessage = throwingMessage;
        }

        @Override
        public String getMessage() {
            if (throwingMessage && calledByTheAdapter()) {
                throw new UnsupportedOperationException("getMessage failed");
            }
            return super.getMessage();
        }

        private static boolean calledByTheAdapter() {
            return STACK.walk(frames -> frames.skip(2).anyMatch(f ->
                    f.getDeclaringClass().getPackageName().equals("dev.scrubber.logback")
                            && !f.getClassName().startsWith(AppenderEventFuzzTest.class.getName())));
        }
    }
}
