package dev.scrubber.logback;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.raw;
import static net.logstash.logback.argument.StructuredArguments.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * logstash-logback-encoder's LogstashEncoder with structured arguments, markers, raw JSON, fluent key-value pairs
 * and MDC: behind the ScrubbingAppender alone, behind the ScrubbingEncoder alone, and with both (the documented
 * stdout/CloudWatch setup).
 */
class LogstashEncoderTest {
    private final FakeSecrets fake = new FakeSecrets(21);
    private Logback logback;

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
    }

    private String logEverything(String config, String... secrets) {
        logback = Logback.configure(config);
        Logger log = logback.logger("com.example.llm.ChatClient");
        String openai = secrets[0];
        String anthropic = secrets[1];
        String jwt = secrets[2];
        String gh = secrets[3];
        MDC.put("traceId", "4bf92f3577b34da6");
        MDC.put("session", "jwt " + jwt);
        log.info("calling {} with {}", value("model", "gpt-4o"), kv("apiKey", openai));
        log.info("structured only", kv("upstream", "key " + anthropic), kv("attempt", 2));
        log.info(Markers.append("authHeader", "Bearer " + jwt).and(Markers.append("region", "eu-west-1")),
                "with markers");
        log.info("raw json {}", raw("config", "{\"token\":\"" + gh + "\",\"retries\":3}"));
        log.info(Markers.appendRaw("payload", "{\"key\":\"" + openai + "\"}"), "raw marker");
        log.atInfo().addKeyValue("apiKey", "plain" + "value-987").addKeyValue("note", "pat " + gh).log("fluent");
        log.error("failed", new IllegalStateException("upstream said " + anthropic));
        logback.stop();
        return logback.stdout();
    }

    private String[] secrets() {
        return new String[] {fake.openAiProjectKey(), fake.anthropicApiKey(), fake.jwt(), fake.githubPat()};
    }

    @Test
    void appenderAloneMasksEverythingTheEventCarries() {
        String[] s = secrets();
        String out = logEverything("/config/appender-lle.xml", s);
        Secrets.assertNoneIn(out, s[0], s[1], s[2], "plain" + "value-987");
        // The raw JSON argument's text holds the PAT, so the argument was replaced by its scrubbed text.
        Secrets.assertNoneIn(out, s[3]);
        assertThat(out).contains("\"traceId\":\"4bf92f3577b34da6\"", "\"model\":\"gpt-4o\"", "\"attempt\":2",
                "\"session\":\"[REDACTED:sensitive-key]\"", "\"apiKey\":\"[REDACTED:sensitive-key]\"",
                "java.lang.IllegalStateException: upstream said [REDACTED:anthropic-api-key]");
        // A marker that printed a secret became a plain marker named after its scrubbed text (documented).
        assertThat(out).contains("\"tags\":[\"authHeader=Bearer [REDACTED:jwt], region=eu-west-1\"]");
        assertThat(out.lines().count()).isEqualTo(7);
    }

    @Test
    void encoderAloneMasksTheBytesIncludingRawJson() {
        String[] s = secrets();
        String out = logEverything("/docs/logback-json-encoder.xml", s);
        Secrets.assertNoneIn(out, s);
        assertThat(out).contains("\"traceId\":\"4bf92f3577b34da6\"", "\"model\":\"gpt-4o\"", "\"retries\":3");
        assertThat(out.lines().count()).isEqualTo(7);
        assertThat(out.lines()).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    }

    @Test
    void bothTogetherAsDocumentedForStdout() {
        String[] s = secrets();
        String out = logEverything("/docs/logback-stdout-json.xml", s);
        Secrets.assertNoneIn(out, s);
        Secrets.assertNoneIn(out, "plain" + "value-987");
        assertThat(out.lines().count()).isEqualTo(7);
        assertThat(logback.allStatusText()).doesNotContain(s[0]);
    }
}
