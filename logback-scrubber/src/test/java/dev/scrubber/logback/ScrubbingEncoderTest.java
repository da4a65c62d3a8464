package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import com.sun.management.ThreadMXBean;
import dev.scrubber.core.BenignLogs;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.FakeSecrets.Sample;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** ScrubbingEncoder wrapping real encoders, writing real files. */
class ScrubbingEncoderTest {
    private final FakeSecrets fake = new FakeSecrets(31);
    private Logback logback;
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
    }

    private Path file() {
        return dir.resolve("app.log");
    }

    @Test
    void patternEncoderOutputIsScrubbedAndBenignTextIsByteExact() {
        logback = Logback.configure("/config/encoder-pattern-file.xml", Map.of("LOG_FILE", file().toString()));
        org.slf4j.Logger log = logback.logger("com.example.Billing");
        List<Sample> samples = Secrets.allSamples(7);
        for (Sample s : samples) {
            log.info("sending {}", s.text());
        }
        List<String> benign = new BenignLogs(9).lines(200);
        benign.forEach(l -> log.info(l));
        log.info("unicode stays: héllo wörld — 日本語 ✓ {}", fake.githubPat());
        MDC.put("auth", "Bearer " + fake.jwt());
        log.warn("with mdc", new RuntimeException("nested " + fake.awsAccessKeyId()));
        logback.stop();
        String out = Logback.read(file());
        Secrets.assertNoneIn(out, samples);
        benign.forEach(l -> assertThat(out).contains(l));
        assertThat(out).contains("unicode stays: héllo wörld — 日本語 ✓ [REDACTED:github-pat]",
                "java.lang.RuntimeException: nested [REDACTED:aws-access-key-id]");
    }

    @Test
    void headerAndFooterAreScrubbed() {
        String header = "# deployed with key " + fake.openAiProjectKey();
        String footer = "# closed session " + fake.jwt();
        logback = Logback.configure("/config/encoder-header-footer.xml",
                Map.of("LOG_FILE", file().toString(), "HEADER", header, "FOOTER", footer));
        logback.logger("x").info("body line");
        // Stopping the appender itself writes the footer (stopping the whole context does not, in Logback 1.5).
        logback.context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE").stop();
        String out = Logback.read(file());
        assertThat(out).contains("# deployed with key [REDACTED:openai-project-key]", "INFO x - body line",
                "# closed session [REDACTED:jwt]");
    }

    @Test
    void aThrowingWrappedEncoderWritesAPlaceholderReportsOnceAndLaterEventsFlow() {
        logback = Logback.configure("/config/encoder-throwing.xml", Map.of("LOG_FILE", file().toString()));
        org.slf4j.Logger log = logback.logger("x");
        log.info("before");
        log.info("boom " + fake.githubPat());
        log.info("boom again");
        log.info("after");
        logback.stop();
        String out = Logback.read(file());
        assertThat(out.lines()).containsExactly("before", FailPolicy.PLACEHOLDER_TEXT, FailPolicy.PLACEHOLDER_TEXT,
                "after");
        assertThat(logback.statusMessages(Status.ERROR)).filteredOn(m -> m.contains("log-scrubber")).hasSize(1);
        assertThat(logback.allStatusText()).doesNotContain("boom");
    }

    @Test
    void aCharsetThatIsNotAsciiCompatibleIsRefusedAndOnlyPlaceholdersAreWritten() {
        logback = Logback.configure("/config/encoder-utf16.xml", Map.of("LOG_FILE", file().toString()));
        logback.logger("x").info("secret {}", fake.githubPat());
        logback.stop();
        assertThat(logback.statusMessages(Status.ERROR)).anyMatch(m -> m.contains("UTF-16"));
        assertThat(Logback.read(file())).isEqualTo(FailPolicy.PLACEHOLDER_TEXT + System.lineSeparator());
    }

    @Test
    void concurrentEncodingKeepsEveryLineIntactAndClean() throws Exception {
        logback = Logback.configure("/config/encoder-pattern-file.xml", Map.of("LOG_FILE", file().toString()));
        org.slf4j.Logger log = logback.logger("com.example.Concurrent");
        String secret = fake.anthropicApiKey();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    if (i % 2 == 0) {
                        log.info("t{} e{} key {}", thread, i, secret);
                    } else {
                        log.info("t{} e{} clean", thread, i);
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        logback.stop();
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(20_000);
        assertThat(lines).allMatch(l -> l.endsWith("key [REDACTED:anthropic-api-key] | ") || l.endsWith("clean | "));
        assertThat(String.join("\n", lines)).doesNotContain(secret);
    }

    @Test
    void cleanOutputIsReturnedAsTheSameArrayWithoutAllocating() {
        logback = Logback.configure("/config/encoder-fixed.xml", Map.of("LOG_FILE", file().toString()));
        OutputStreamAppender<?> appender = (OutputStreamAppender<?>) logback.context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        @SuppressWarnings("unchecked")
        Encoder<ch.qos.logback.classic.spi.ILoggingEvent> encoder =
                (Encoder<ch.qos.logback.classic.spi.ILoggingEvent>) appender.getEncoder();
        assertThat(encoder).isInstanceOf(ScrubbingEncoder.class);
        Logger logger = logback.context.getLogger("com.example.Clean");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                new BenignLogs(1).line(), null, null);
        byte[] first = encoder.encode(event);
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) { // warm-up
            encoder.encode(event);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        int same = 0;
        for (int i = 0; i < 10_000; i++) {
            if (encoder.encode(event) == first) {
                same++;
            }
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(same).isEqualTo(10_000);
        assertThat(allocated).as("bytes allocated by 10,000 clean encodes").isLessThan(10_000);
    }
}
