package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets in every surface of an event, through each plugin (its own XML file) and each layout (PatternLayout,
 * JsonTemplateLayout with the ECS and a resolver-by-resolver template, GelfLayout), through encode() and
 * toByteArray(). Subclasses run it in one Log4j mode each (garbage-free or classic, all-async); each runs in its own
 * JVM because those modes are fixed when Log4j initializes.
 */
abstract class ScrubbingScenarios {
    private final FakeSecrets fake = new FakeSecrets(4);

    /** The loggers to log through: a synchronous one and an {@code <AsyncRoot>} child, unless all are async. */
    abstract List<String> loggers();

    @AfterEach
    void clearContext() {
        ThreadContext.clearAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void secretsInParametersAreMasked(String config) {
        String openAi = fake.openAiProjectKey();
        String github = fake.githubPat();
        try (LoggingFixture fixture = LoggingFixture.start(config)) {
            for (String name : loggers()) {
                Logger log = fixture.logger(name);
                log.info("evt-params-{} calling {} with key {} and {}", name, "billing", openAi, new StringBuilder(github));
            }
            Outputs out = Outputs.read(fixture, config);
            out.assertEach(expected("evt-params-", "[REDACTED:openai-project-key]"), List.of(openAi, github));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void unreferencedParameterIsMaskedWhereLayoutsPrintIt(String config) {
        String anthropic = fake.anthropicApiKey();
        try (LoggingFixture fixture = LoggingFixture.start(config)) {
            for (String name : loggers()) {
                fixture.logger(name).info("evt-extra-{} no placeholder for the second", name, anthropic);
            }
            Outputs out = Outputs.read(fixture, config);
            out.assertEach(expected("evt-extra-"), List.of(anthropic));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void mapMessageValuesAreMasked(String config) {
        String github = fake.githubPat();
        String aws = fake.awsAccessKeyId();
        try (LoggingFixture fixture = LoggingFixture.start(config)) {
            for (String name : loggers()) {
                fixture.logger(name).info(new StringMapMessage().with("event", "evt-map-" + name)
                        .with("note", "pushed with " + github).with("credentials", "aws " + aws));
            }
            Outputs out = Outputs.read(fixture, config);
            out.assertEach(expected("evt-map-", "[REDACTED:github-pat]"), List.of(github, aws));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void threadContextMapAndStackAreMasked(String config) {
        String openAi = fake.openAiProjectKey();
        String jwt = fake.jwt();
        String aws = fake.awsAccessKeyId();
        try (LoggingFixture fixture = LoggingFixture.start(config)) {
            for (String name : loggers()) {
                ThreadContext.put("apiKey", openAi);
                ThreadContext.put("note", "sent " + jwt);
                ThreadContext.push("aws " + aws);
                fixture.logger(name).info("evt-mdc-{} request done", name);
                ThreadContext.clearAll();
            }
            Outputs out = Outputs.read(fixture, config);
            out.assertEach(expected("evt-mdc-"), List.of(openAi, jwt, aws));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void exceptionWithCauseAndSuppressedIsMaskedButKeepsClassesAndFrames(String config) {
        String aws = fake.awsAccessKeyId();
        String anthropic = fake.anthropicApiKey();
        String jwt = fake.jwt();
        try (LoggingFixture fixture = LoggingFixture.start(config)) {
            for (String name : loggers()) {
                IllegalStateException top = new IllegalStateException("call failed for " + aws,
                        new UnsupportedOperationException("upstream said " + anthropic));
                top.addSuppressed(new IllegalArgumentException("while closing " + jwt));
                fixture.logger(name).error("evt-exc-{} request failed", name, top);
            }
            Outputs out = Outputs.read(fixture, config);
            out.assertEach(expected("evt-exc-", "IllegalStateException", "UnsupportedOperationException",
                    "IllegalArgumentException", "ScrubbingScenarios.exceptionWithCause", "[REDACTED:aws-access-key-id]"),
                    List.of(aws, anthropic, jwt));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy.xml", "layout.xml", "converter.xml"})
    void cleanEventsPassUnchanged(String config) {
        try (LoggingFixture fixture = LoggingFixture.start(config)) {
            for (String name : loggers()) {
                fixture.logger(name).info("evt-clean-{} user {} logged in from {}", name, "alice", "10.0.0.7");
            }
            Outputs out = Outputs.read(fixture, config);
            out.assertEach(expected("evt-clean-"), List.of("REDACTED"));
            for (String name : loggers()) {
                assertThat(out.all().get("pattern.log")).contains("evt-clean-" + name + " user alice logged in from 10.0.0.7");
            }
        }
    }

    /** Each logger's event marker plus any other expected text. */
    private List<String> expected(String markerPrefix, String... more) {
        List<String> out = new java.util.ArrayList<>();
        for (String name : loggers()) {
            out.add(markerPrefix + name);
        }
        out.addAll(List.of(more));
        return out;
    }
}
