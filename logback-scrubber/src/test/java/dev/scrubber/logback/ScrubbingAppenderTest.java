package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEventVO;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.status.Status;
import dev.scrubber.core.BenignLogs;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.FakeSecrets.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/** ScrubbingAppender in a real Logback configured from config/appender-capture.xml. */
class ScrubbingAppenderTest {
    private final FakeSecrets fake = new FakeSecrets(3);
    private Logback logback;
    private Logger log;

    @BeforeEach
    void setUp() {
        CapturingAppender.clear();
        logback = Logback.configure("/config/appender-capture.xml");
        log = logback.logger("com.example.orders.OrderService");
    }

    @AfterEach
    void tearDown() {
        MDC.clear();
        logback.close();
    }

    private List<ILoggingEvent> forwarded() {
        return CapturingAppender.events("FORWARDED");
    }

    private List<ILoggingEvent> originals() {
        return CapturingAppender.events("ORIGINAL");
    }

    @Test
    void everyBuiltInRuleIsMaskedInTheMessageAndArguments() {
        List<Sample> samples = Secrets.allSamples(11);
        for (Sample s : samples) {
            log.info("calling upstream with " + s.text() + " now");
            log.info("calling upstream with {} now", s.text());
        }
        String out = logback.stdout();
        Secrets.assertNoneIn(out, samples);
        assertThat(out).contains("[REDACTED:openai-project-key]", "calling upstream with");
        for (ILoggingEvent e : forwarded()) {
            LoggingEventVO vo = LoggingEventVO.build(e);
            Secrets.assertNoneIn(vo.getFormattedMessage() + vo.getMessage() + java.util.Arrays.toString(vo.getArgumentArray()),
                    samples);
        }
    }

    @Test
    void benignLinesAreForwardedUntouchedAndWithoutCopying() {
        List<String> lines = new BenignLogs(5).lines(300);
        for (String line : lines) {
            log.info("{}", line);
        }
        String out = logback.stdout();
        for (String line : lines) {
            assertThat(out).contains(line);
        }
        assertThat(forwarded()).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(forwarded().get(i)).isSameAs(originals().get(i));
        }
        assertThat(logback.statusMessages(Status.WARN)).isEmpty();
    }

    @Test
    void secretSplitBetweenTemplateAndArgumentDoesNotComeBackThroughLoggingEventVO() throws IOException {
        String key = fake.openAiProjectKey();
        String head = key.substring(0, 12);
        String tail = key.substring(12);
        log.info("using key " + head + "{} for {}", tail, "chat");
        ILoggingEvent e = forwarded().get(0);
        assertThat(e.getFormattedMessage()).contains("[REDACTED:openai-project-key]").endsWith("for chat");
        LoggingEventVO vo = LoggingEventVO.build(e);
        assertThat(vo.getFormattedMessage()).isEqualTo(e.getFormattedMessage());
        Secrets.assertNoneIn(vo.getMessage() + vo.getFormattedMessage(), key, tail);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(vo);
        }
        Secrets.assertNoneIn(bytes.toString(StandardCharsets.ISO_8859_1), key, tail);
        assertThat(e.getArgumentArray()).containsExactly(dev.scrubber.core.FailPolicy.PLACEHOLDER_TEXT, "chat");
        Secrets.assertNoneIn(logback.stdout(), key);
    }

    @Test
    void argumentsKeepTheirTemplateWhenOnlyAnArgumentIsSecret() {
        String pat = fake.githubPat();
        log.info("token {} for repo {}", pat, "acme/api");
        ILoggingEvent e = forwarded().get(0);
        assertThat(e.getMessage()).isEqualTo("token {} for repo {}");
        assertThat(e.getArgumentArray()).containsExactly("[REDACTED:github-pat]", "acme/api");
        assertThat(LoggingEventVO.build(e).getFormattedMessage()).isEqualTo(e.getFormattedMessage());
    }

    @Test
    void mdcValuesAndFluentKeyValuePairsAreScrubbedByKeyAndByContent() {
        String anthropic = fake.anthropicApiKey();
        String plainPassword = fake.password();
        MDC.put("requestId", "req-42");
        MDC.put("upstreamKey", "value " + anthropic);
        MDC.put("db_password", plainPassword);
        MDC.put("nothing", null);
        log.atInfo().addKeyValue("apiKey", "plain" + "value-1234").addKeyValue("note", "key " + anthropic)
                .addKeyValue("count", 3).log("called model");
        String out = logback.stdout();
        Secrets.assertNoneIn(out, anthropic, plainPassword, "plain" + "value-1234");
        assertThat(out).contains("requestId=req-42", "count=\"3\"", "called model");
        ILoggingEvent e = forwarded().get(0);
        assertThat(e.getMDCPropertyMap()).containsEntry("requestId", "req-42").containsKey("nothing");
        assertThat(e.getKeyValuePairs()).extracting(kv -> kv.key).containsExactly("apiKey", "note", "count");
        assertThat(e.getKeyValuePairs().get(2).value).isEqualTo(3);
        Secrets.assertNoneIn(LoggingEventVO.build(e).getMDCPropertyMap().toString(), anthropic, plainPassword);
    }

    @Test
    void markersThatPrintASecretAreReplaced() {
        String jwt = fake.jwt();
        org.slf4j.Marker m = MarkerFactory.getDetachedMarker("session " + jwt);
        org.slf4j.Marker plain = MarkerFactory.getMarker("AUDIT");
        log.info(m, "with a marker");
        log.info(plain, "with a plain marker");
        Secrets.assertNoneIn(logback.stdout(), jwt);
        assertThat(forwarded().get(1)).isSameAs(originals().get(1));
        assertThat(logback.stdout()).contains("markers=AUDIT");
    }

    @Test
    void theWholeExceptionTreeIsScrubbedAndClassNamesAndFramesStay() {
        String aws = fake.awsAccessKeyId();
        String openai = fake.openAiProjectKey();
        String gh = fake.githubPat();
        IllegalStateException root = new IllegalStateException("root cause with " + aws);
        RuntimeException middle = new RuntimeException("middle " + gh, root);
        IllegalArgumentException top = new IllegalArgumentException("top " + openai, middle);
        top.addSuppressed(new java.io.UncheckedIOException("suppressed " + gh, new IOException("io " + aws)));
        root.initCause(top); // a cycle
        log.error("request failed", top);
        String out = logback.stdout();
        Secrets.assertNoneIn(out, aws, openai, gh);
        assertThat(out).contains("java.lang.IllegalArgumentException: top [REDACTED:openai-project-key]",
                "Caused by: java.lang.RuntimeException: middle [REDACTED:github-pat]",
                "Suppressed: java.io.UncheckedIOException", "CIRCULAR REFERENCE",
                "at dev.scrubber.logback.ScrubbingAppenderTest.theWholeExceptionTreeIsScrubbed");

        IThrowableProxy tp = forwarded().get(0).getThrowableProxy();
        assertThat(tp).isInstanceOf(ThrowableProxy.class);
        // Consumers that print the raw Throwable (Spring Boot 3.5 printers, Powertools) see scrubbed text too.
        StringWriter printed = new StringWriter();
        ((ThrowableProxy) tp).getThrowable().printStackTrace(new PrintWriter(printed));
        Secrets.assertNoneIn(printed.toString(), aws, openai, gh);
        assertThat(printed.toString()).contains("java.lang.IllegalArgumentException: top [REDACTED",
                "Caused by: java.lang.RuntimeException: middle", "Suppressed: java.io.UncheckedIOException",
                "ScrubbingAppenderTest.java");
        Secrets.assertNoneIn(String.valueOf(LoggingEventVO.build(forwarded().get(0)).getThrowableProxy().getMessage()),
                openai);
    }

    @Test
    void overridingToStringIsScrubbed() {
        String pat = fake.githubPat();
        class TokenException extends RuntimeException {
            TokenException() {
                super("plain message");
            }

            @Override
            public String toString() {
                return "TokenException[token=" + pat + "]";
            }
        }
        log.warn("bad token", new TokenException());
        String out = logback.stdout();
        Secrets.assertNoneIn(out, pat);
        IThrowableProxy tp = forwarded().get(0).getThrowableProxy();
        assertThat(((ThrowableProxy) tp).getThrowable().toString()).doesNotContain(pat);
    }

    @Test
    void identityTimeAndCallerDataArePreserved() {
        String key = fake.openAiProjectKey();
        log.info("key {}", key);
        ILoggingEvent original = originals().get(0);
        ILoggingEvent copy = forwarded().get(0);
        assertThat(copy).isNotSameAs(original);
        assertThat(copy.getThreadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(copy.getLevel()).isEqualTo(original.getLevel());
        assertThat(copy.getLoggerName()).isEqualTo("com.example.orders.OrderService");
        assertThat(copy.getTimeStamp()).isEqualTo(original.getTimeStamp());
        assertThat(copy.getNanoseconds()).isEqualTo(original.getNanoseconds());
        assertThat(copy.getInstant()).isEqualTo(original.getInstant());
        assertThat(copy.getSequenceNumber()).isEqualTo(original.getSequenceNumber()).isPositive();
        assertThat(copy.getLoggerContextVO()).isSameAs(original.getLoggerContextVO());
        assertThat(copy.getCallerData()).isEqualTo(original.getCallerData());
        assertThat(copy.getCallerData()[0].getMethodName()).isEqualTo("identityTimeAndCallerDataArePreserved");
    }

    @Test
    void theFirstMaskingPerRuleAndLoggerIsReportedOnceWithoutTheSecret() {
        String key = fake.openAiProjectKey();
        for (int i = 0; i < 3; i++) {
            log.info("key {}", key);
        }
        logback.logger("com.example.Other").info("key {}", key);
        // Reported as information: Logback (and Spring Boot's console status listener) print no line at run time.
        List<String> infos = logback.statusMessages(Status.INFO);
        assertThat(infos).filteredOn(w -> w.contains("[openai-project-key]")).hasSize(2);
        assertThat(infos).anyMatch(w -> w.contains("[com.example.orders.OrderService]"));
        assertThat(logback.statusMessages(Status.WARN)).noneMatch(w -> w.contains("log-scrubber"));
        assertThat(logback.allStatusText()).doesNotContain(key);
    }
}
