package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every XML snippet of docs/log4j2.md is a file under src/test/resources/docs that appears verbatim in the
 * document and that this test loads into real Log4j, logs secrets through and reads back from standard output
 * (where Lambda sends everything to CloudWatch).
 */
class DocumentationSnippetsTest {
    static final List<String> SNIPPETS = List.of("rewrite-policy.xml", "scrubbing-layout-json.xml",
            "powertools-lambda.xml", "pattern-scrub.xml", "all-options.xml", "lambda-appender.xml");

    private final FakeSecrets fake = new FakeSecrets(21);

    @AfterEach
    void clear() {
        ThreadContext.clearAll();
    }

    @Test
    void theDocumentContainsEverySnippetVerbatimAndNoOtherXmlConfiguration() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "log4j2.md"), StandardCharsets.UTF_8);
        for (String snippet : SNIPPETS) {
            assertThat(doc).as(snippet).contains(resource("docs/" + snippet).strip());
        }
        int configurations = doc.split("<Configuration", -1).length - 1;
        assertThat(configurations).as("each <Configuration> in the doc is one of the tested files")
                .isEqualTo(SNIPPETS.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rewrite-policy.xml", "scrubbing-layout-json.xml", "powertools-lambda.xml",
            "pattern-scrub.xml", "all-options.xml", "lambda-appender.xml"})
    void snippetLoadsCleanlyAndMasksWhatReachesStandardOutput(String snippet) {
        String openAi = fake.openAiProjectKey();
        String github = fake.githubPat();
        String aws = fake.awsAccessKeyId();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (StatusCapture status = StatusCapture.start()) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (LoggingFixture fixture = LoggingFixture.start("docs/" + snippet)) {
                ThreadContext.put("session", "token " + github);
                fixture.logger("com.example.Checkout").error("evt-doc charging with key {}", openAi,
                        new IllegalStateException("gateway rejected " + aws));
                fixture.stop();
            } finally {
                System.setOut(original);
            }
            assertThat(status.errors()).as("configuration errors").isEmpty();
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("evt-doc charging with key [REDACTED").contains("IllegalStateException")
                .doesNotContain(openAi).doesNotContain(aws);
        if (!snippet.equals("lambda-appender.xml")) { // its text pattern prints only %X{AWSRequestId}
            assertThat(out).contains("[REDACTED").doesNotContain(github);
        }
    }

    @Test
    void allOptionsSnippetLearnsAMaskedValueAndMasksItsBareCopy() throws InterruptedException {
        String dbPassword = fake.password();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (LoggingFixture fixture = LoggingFixture.start("docs/all-options.xml")) {
            fixture.logger("com.example.Db").info("connecting to postgres://app:{}@db.internal:5432/orders", dbPassword);
            Thread.sleep(150); // learned values take effect within 100 ms
            fixture.logger("com.example.Db").info("retrying with {}", dbPassword);
            fixture.stop();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(dbPassword)
                .containsPattern("retrying with \\[REDACTED:learned-secret:[0-9a-f]+\\]");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DocumentationSnippetsTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
