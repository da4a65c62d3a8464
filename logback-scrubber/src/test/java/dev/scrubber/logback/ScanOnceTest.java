package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import ch.qos.logback.core.Appender;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.Scrubber;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The appender scans the formatted message once and skips only what it already shows: what it does not show
 * (arguments beyond the placeholders, arguments of events Logback did not format) is still scrubbed, no argument's
 * {@code toString()} is called by the scrubber, and MDC entries remembered clean are scanned again once the engine
 * learns a new secret.
 */
class ScanOnceTest {
    private final FakeSecrets fake = new FakeSecrets(131);
    private Logback logback;
    private org.slf4j.Logger log;

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

    private ILoggingEvent lastForwarded() {
        List<ILoggingEvent> events = CapturingAppender.events("FORWARDED");
        return events.get(events.size() - 1);
    }

    @Test
    void anArgumentBeyondThePlaceholdersIsScrubbed() {
        String key = fake.openAiProjectKey();
        log.info("order {} placed", "ord-1", key);
        ILoggingEvent out = lastForwarded();
        assertThat(out.getFormattedMessage()).isEqualTo("order ord-1 placed");
        assertThat(Arrays.toString(out.getArgumentArray())).doesNotContain(key).contains("ord-1");
        assertThat(Arrays.toString(LoggingEventVO.build(out).getArgumentArray())).doesNotContain(key);
    }

    @Test
    void anObjectArgumentBeyondThePlaceholdersIsScrubbed() {
        String key = fake.githubPat();
        Object holder = new Object() {
            @Override
            public String toString() {
                return "token holder " + key;
            }
        };
        log.info("nothing to see {}", 42, holder);
        assertThat(Arrays.toString(lastForwarded().getArgumentArray())).doesNotContain(key);
    }

    @Test
    void theScrubberDoesNotRenderArgumentsTheMessageShows() {
        AtomicInteger calls = new AtomicInteger();
        Object counted = new Object() {
            @Override
            public String toString() {
                calls.incrementAndGet();
                return "order-summary";
            }
        };
        log.info("placed {} for {}", counted, "user-7");
        assertThat(lastForwarded().getFormattedMessage()).isEqualTo("placed order-summary for user-7");
        // Logback formats the message once; the console encoder reuses it. The scrubber adds no call.
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void argumentsOfAnEventLogbackDidNotFormatAreScrubbed() {
        String key = fake.anthropicApiKey();
        Object holder = new Object() {
            @Override
            public String toString() {
                return key;
            }
        };
        Logger logger = logback.context.getLogger("com.example.Hand");
        Appender<ILoggingEvent> scrub = logback.context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("SCRUB");
        // A subclass whose formatted message does not show its arguments (as a deserialized or hand-built event).
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "value {} and {}", null,
                new Object[] {holder, "plain " + key}) {
            @Override
            public String getFormattedMessage() {
                return "value hidden and hidden";
            }
        };
        scrub.doAppend(event);
        ILoggingEvent out = lastForwarded();
        assertThat(Arrays.toString(out.getArgumentArray())).doesNotContain(key);
    }

    @Test
    void mdcRememberedCleanIsScannedAgainAfterANewKnownSecret() {
        String rotated = "rotated-" + fake.password();
        MDC.put("tenant", rotated);
        MDC.put("requestId", "req-1");
        log.info("first");
        assertThat(lastForwarded().getMDCPropertyMap()).containsEntry("tenant", rotated);
        log.info("second, same MDC map");
        assertThat(lastForwarded().getMDCPropertyMap()).containsEntry("tenant", rotated);
        Scrubber.addGlobalKnownSecret(rotated);
        log.info("third, same MDC map, secret now known");
        assertThat(lastForwarded().getMDCPropertyMap().get("tenant")).doesNotContain(rotated);
        assertThat(logback.stdout()).contains("first", "third").doesNotContain("mdc={tenant=" + rotated);
    }

    @Test
    void aTemplateRememberedCleanIsScannedAgainAfterANewKnownSecret() {
        String rotated = "tmpl-" + fake.password();
        String template = ("calling " + rotated + " for {}").intern();
        log.info(template, "a");
        log.info(template, "b");
        Scrubber.addGlobalKnownSecret(rotated);
        log.info(template, "c");
        ILoggingEvent out = lastForwarded();
        assertThat(out.getMessage()).doesNotContain(rotated);
        assertThat(out.getFormattedMessage()).doesNotContain(rotated).endsWith("for c");
    }

    @Test
    void aConstantMessageRememberedCleanIsScannedAgainAfterANewKnownSecret() {
        String rotated = "const-" + fake.password();
        String message = ("calling " + rotated + " now").intern();
        log.info(message);
        log.info(message);
        assertThat(lastForwarded().getFormattedMessage()).isEqualTo(message);
        Scrubber.addGlobalKnownSecret(rotated);
        log.info(message);
        assertThat(lastForwarded().getFormattedMessage()).doesNotContain(rotated).startsWith("calling ");
        assertThat(lastForwarded().getMessage()).doesNotContain(rotated);
    }

    @Test
    void substitutedArgumentsFollowSlf4jEscapes() {
        assertThat(EventScrubber.substitutedArguments("a {} b {}", 3)).isEqualTo(2);
        assertThat(EventScrubber.substitutedArguments("a \\{} b {}", 3)).isEqualTo(1);
        assertThat(EventScrubber.substitutedArguments("a \\\\{} b", 3)).isEqualTo(1);
        assertThat(EventScrubber.substitutedArguments("{}{}{}", 2)).isEqualTo(2);
        assertThat(EventScrubber.substitutedArguments("none", 2)).isZero();
    }
}
