package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.Scrubber;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.ObjectArrayMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ScrubbingPolicy scans the formatted message once and skips only the parameters it already shows: parameters
 * beyond the placeholders, and parameters of messages Log4j did not format from a pattern, are still checked; a
 * parameter the message shows is not rendered again; context entries remembered clean are scanned again once the
 * engine learns a new secret. Sync ({@code plain} logger) and async ({@code AsyncRoot}) paths of policy.xml.
 */
class ScanOnceTest {
    private final FakeSecrets fake = new FakeSecrets(132);

    @AfterEach
    void clear() {
        ThreadContext.clearAll();
    }

    @Test
    void parametersBeyondThePlaceholdersAreScrubbed() {
        String key = fake.openAiProjectKey();
        String pat = fake.githubPat();
        Object holder = new Object() {
            @Override
            public String toString() {
                return "holder " + pat;
            }
        };
        try (LoggingFixture fixture = LoggingFixture.start("policy.xml")) {
            for (String name : List.of("plain", "com.example.AsyncRoot")) {
                Logger log = fixture.logger(name);
                log.info("order {} placed", "ord-1", key);
                log.info("order {} placed", "ord-2", holder);
            }
            String json = String.join("\n", fixture.captured("JsonCapture"));
            assertThat(json).contains("ord-1", "ord-2").doesNotContain(key).doesNotContain(pat);
        }
    }

    @Test
    void parametersOfAMessageWithoutPatternAreScrubbed() {
        String key = fake.anthropicApiKey();
        try (LoggingFixture fixture = LoggingFixture.start("policy.xml")) {
            fixture.logger("plain").info(new ObjectArrayMessage("visible", key));
            String json = String.join("\n", fixture.captured("JsonCapture"));
            assertThat(json).contains("visible").doesNotContain(key);
        }
    }

    @Test
    void theScrubberDoesNotRenderParametersTheMessageShowsAgain() {
        AtomicInteger calls = new AtomicInteger();
        Object counted = new Object() {
            @Override
            public String toString() {
                calls.incrementAndGet();
                return "order-summary";
            }
        };
        EventScrubber scrubber = new EventScrubber(ScrubberRuntime.create("test",
                new ScrubberOptions().set("knownSecretsFromEnvironment", "false")));
        LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("test").setLevel(Level.INFO)
                .setMessage(new ParameterizedMessage("placed {} now", counted)).build();
        assertThat(scrubber.rewrite(event)).isSameAs(event);
        // Formatting the message for the scan renders the parameter once; checking the parameter adds nothing.
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void contextRememberedCleanIsScannedAgainAfterANewKnownSecret() {
        String rotated = "rotated-" + fake.password();
        try (LoggingFixture fixture = LoggingFixture.start("policy.xml")) {
            Logger log = fixture.logger("plain");
            ThreadContext.put("tenant", rotated);
            ThreadContext.put("requestId", "req-1");
            log.info("first");
            log.info("second");
            Scrubber.addGlobalKnownSecret(rotated);
            log.info("third");
            List<String> json = fixture.captured("JsonCapture");
            assertThat(json).hasSize(3);
            assertThat(json.get(0)).contains(rotated);
            assertThat(json.get(2)).contains("third").doesNotContain(rotated);
        }
    }

    @Test
    void aConstantMessageRememberedCleanIsScannedAgainAfterANewKnownSecret() {
        String rotated = "const-" + fake.password();
        String message = ("calling " + rotated + " now").intern();
        try (LoggingFixture fixture = LoggingFixture.start("policy.xml")) {
            Logger log = fixture.logger("plain");
            log.info(message);
            log.info(message);
            Scrubber.addGlobalKnownSecret(rotated);
            log.info(message);
            List<String> json = fixture.captured("JsonCapture");
            assertThat(json).hasSize(3);
            assertThat(json.get(1)).contains(rotated);
            assertThat(json.get(2)).contains("calling ").doesNotContain(rotated);
        }
    }

    @Test
    void placeholdersFollowLog4jEscapes() {
        assertThat(EventScrubber.countPlaceholders("a {} b {}")).isEqualTo(2);
        assertThat(EventScrubber.countPlaceholders("a \\{} b {}")).isEqualTo(1);
        assertThat(EventScrubber.countPlaceholders("a \\\\{} b")).isEqualTo(1);
        assertThat(EventScrubber.countPlaceholders("{{}}")).isEqualTo(1);
        assertThat(EventScrubber.countPlaceholders("none")).isZero();
    }
}
