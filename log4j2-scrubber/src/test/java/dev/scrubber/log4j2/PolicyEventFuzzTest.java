package dev.scrubber.log4j2;

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
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the event snapshot made by {@link ScrubbingPolicy} in a real Rewrite appender
 * ({@code fuzz.xml}, started with {@code Configurator.initialize}) in front of a pattern file and a JSON template
 * layout: fuzzed message templates and parameters (some whose {@code toString()} throws), map messages, ThreadContext
 * map and stack entries, throwable chains (possibly cyclic, with throwing {@code getMessage()}), with one planted fake
 * secret on one surface. Nothing may throw into the caller, the event must reach both appenders, and no piece of the
 * planted secret may appear in what they wrote.
 *
 * <p>A normal build runs only the regression inputs in {@code src/test/resources/dev/scrubber/log4j2/
 * PolicyEventFuzzTestInputs}; to fuzz: {@code JAZZER_FUZZ=1 mvn -pl log4j2-scrubber test -Dtest=PolicyEventFuzzTest}
 * (see docs/fuzzing.md).
 */
class PolicyEventFuzzTest {
    private static final List<String> RULES = FakeSecrets.ruleIds();
    private static final String[] SURFACES =
            {"message", "parameter", "map", "mdc", "ndc", "exception", "suppressed"};
    private static LoggingFixture fixture;
    private static Path file;
    private static Logger log;
    private static long seq;

    @BeforeAll
    static void start() {
        fixture = LoggingFixture.start("fuzz.xml");
        file = Path.of(System.getProperty("scrub.dir"), "pattern.log");
        log = fixture.logger("fuzz.Events");
    }

    @AfterAll
    static void stop() {
        ThreadContext.clearAll();
        fixture.close();
    }

    @FuzzTest(maxDuration = "30s")
    void plantedSecretNeverReachesTheAppenders(FuzzedDataProvider data) throws IOException {
        Sample sample = new FakeSecrets(data.consumeLong()).sample(RULES.get(data.consumeInt(0, RULES.size() - 1)));
        String surface = SURFACES[data.consumeInt(0, SURFACES.length - 1)];
        String planted = " " + sample.text() + " ";
        long id = ++seq;

        ThreadContext.clearAll();
        int mdcCount = data.consumeInt(0, 5);
        for (int i = 0; i < mdcCount; i++) {
            ThreadContext.put(data.consumeString(16), data.consumeBoolean() ? null : data.consumeString(60));
        }
        if (surface.equals("mdc")) {
            ThreadContext.put("planted", planted);
        }
        if (data.consumeBoolean()) {
            ThreadContext.push(data.consumeString(40));
        }
        if (surface.equals("ndc")) {
            ThreadContext.push(planted);
        }
        ThreadContext.put("seq", Long.toString(id));
        Throwable thrown = data.consumeBoolean() || surface.equals("exception") || surface.equals("suppressed")
                ? fuzzedChain(data, surface, planted) : null;
        Message message = surface.equals("map") || data.consumeInt(0, 5) == 0
                ? mapMessage(data, surface.equals("map") ? planted : null)
                : parameterizedMessage(data, surface, planted, thrown);

        long before = Files.size(file);
        int capturedBefore = CaptureAppender.output("JsonCapture").size();
        assertThatCode(() -> log.info(message, thrown)).doesNotThrowAnyException();
        ThreadContext.clearAll();

        String written = readFrom(before);
        List<String> captured = CaptureAppender.output("JsonCapture");
        assertThat(written).as("the event was written").startsWith(">>" + id + "<< ");
        assertThat(captured).as("the event was captured once").hasSize(capturedBefore + 1);
        String json = captured.get(capturedBefore);
        for (String piece : sample.pieces()) {
            assertThat(written).as("planted " + sample.ruleId() + " on " + surface).doesNotContain(piece);
            assertThat(json).as("JSON, planted " + sample.ruleId() + " on " + surface).doesNotContain(piece);
        }
    }

    private static Message parameterizedMessage(FuzzedDataProvider data, String surface, String planted,
            Throwable thrown) {
        String template = data.consumeString(120);
        if (surface.equals("message")) {
            template = template + planted;
        }
        List<Object> params = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            params.add(switch (data.consumeInt(0, 3)) {
                case 0 -> data.consumeString(60);
                case 1 -> new ThrowingToString(data.consumeString(30));
                case 2 -> data.consumeLong();
                default -> null;
            });
        }
        if (surface.equals("parameter")) {
            params.add(data.consumeInt(0, params.size()), planted);
            template = template + " {}";
        }
        if (thrown != null && data.consumeBoolean()) {
            params.add(thrown); // a trailing throwable parameter as well as the event's own
        }
        return new ParameterizedMessage(template, params.toArray());
    }

    private static Message mapMessage(FuzzedDataProvider data, String planted) {
        StringMapMessage map = new StringMapMessage();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            map.with("k" + i + data.consumeAsciiString(8), data.consumeString(60));
        }
        if (planted != null) {
            map.with("planted", planted);
        }
        return map;
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

    /** A parameter object whose toString() fails. */
    private record ThrowingToString(String text) {
        @Override
        public String toString() {
            throw new IllegalStateException("toString failed: " + text);
        }
    }

    /** An exception created without a cause (so initCause may build a cycle), optionally failing getMessage(). */
    private static final class FuzzedException extends RuntimeException {
        private final boolean throwingMessage;

        FuzzedException(String message, boolean throwingMessage) {
            super(message);
            this.throwingMessage = throwingMessage;
        }

        @Override
        public String getMessage() {
            if (throwingMessage) {
                throw new UnsupportedOperationException("getMessage failed");
            }
            return super.getMessage();
        }
    }
}
