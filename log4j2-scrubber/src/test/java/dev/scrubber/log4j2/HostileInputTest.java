package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.BenignLogs;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.FailPolicy;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input (issue 7) through each component and every layout of the scenario configurations: every event is
 * written, as text or as the documented placeholder; the caller sees no exception; no secret gets through.
 */
class HostileInputTest {
    private final FakeSecrets fake = new FakeSecrets(7);

    @AfterEach
    void clear() {
        ThreadContext.clearAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void tenMegabyteMessage(String config) {
        String secret = fake.openAiProjectKey();
        StringBuilder huge = new StringBuilder(10_500_000);
        BenignLogs benign = new BenignLogs(1);
        while (huge.length() < 5_000_000) {
            huge.append(benign.line()).append(' ');
        }
        huge.append(secret).append(' ');
        while (huge.length() < 10_000_000) {
            huge.append(benign.line()).append(' ');
        }
        huge.append(secret);
        assertWritten(config, "evt-huge", List.of(secret), log -> log.info("evt-huge {}", huge));
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void aMillionRepeatedAnchors(String config) {
        String secret = fake.awsAccessKeyId();
        String anchors = "AKIA ".repeat(1_000_000);
        assertWritten(config, "evt-anchors", List.of(secret), log -> log.info("evt-anchors {} {}", anchors, secret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void tenThousandDeepCauseChain(String config) {
        String secret = fake.githubPat();
        Throwable chain = new IllegalStateException("root cause " + secret);
        for (int i = 0; i < 10_000; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        Throwable thrown = chain;
        assertWritten(config, "evt-deep", List.of(secret), log -> log.error("evt-deep", thrown));
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void cyclicCauseAndMutualSuppression(String config) {
        String first = fake.anthropicApiKey();
        String second = fake.jwt();
        IllegalStateException a = new IllegalStateException("a with " + first);
        IllegalArgumentException b = new IllegalArgumentException("b with " + second, a);
        a.initCause(b);
        a.addSuppressed(b);
        b.addSuppressed(a);
        assertWritten(config, "evt-cycle", List.of(first, second), log -> log.error("evt-cycle", a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void exceptionWhoseGetMessageAndToStringThrow(String config) {
        String secret = fake.openAiProjectKey();
        Exception hostile = new Exception() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("getMessage failed near " + secret);
            }

            @Override
            public String toString() {
                throw new IllegalStateException("toString failed near " + secret);
            }
        };
        assertWritten(config, "evt-throwing-exception", List.of(secret),
                log -> log.error("evt-throwing-exception", hostile));
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void parameterWhoseToStringThrows(String config) {
        String secret = fake.githubPat();
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot render " + secret);
            }
        };
        assertWritten(config, "evt-throwing-param", List.of(secret),
                log -> log.info("evt-throwing-param {} {}", hostile, "after"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void invalidUtf16AroundASecret(String config) {
        String secret = fake.anthropicApiKey();
        String text = "\uDC00 lone low \uD800" + secret + "\uDFFF\uD800";
        assertWritten(config, "evt-utf16", List.of(secret), log -> log.info("evt-utf16 {}", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void nullAndTenThousandContextValues(String config) {
        String secret = fake.awsAccessKeyId();
        assertWritten(config, "evt-mdc-flood", List.of(secret), log -> {
            ThreadContext.put("empty", null);
            for (int i = 0; i < 10_000; i++) {
                ThreadContext.put("k" + i, i == 5_000 ? "key " + secret : "v" + i);
            }
            log.info("evt-mdc-flood");
            ThreadContext.clearAll();
        });
    }

    private static void assertWritten(String config, String marker, List<String> secrets,
            java.util.function.Consumer<Logger> logging) {
        try (LoggingFixture fixture = LoggingFixture.start(config)) {
            logging.accept(fixture.logger("plain"));
            Outputs out = Outputs.read(fixture, config);
            out.all().forEach((appender, text) -> {
                assertThat(text).as("%s wrote the event or the placeholder", appender)
                        .containsAnyOf(marker, FailPolicy.PLACEHOLDER_TEXT);
                for (String s : secrets) {
                    assertThat(text.contains(s)).as("%s leaked a secret", appender).isFalse();
                }
            });
            if (config.equals("policy.xml")) {
                assertThat(out.all().get("pattern.log")).as("the policy always keeps the message").contains(marker);
            }
        }
    }
}
