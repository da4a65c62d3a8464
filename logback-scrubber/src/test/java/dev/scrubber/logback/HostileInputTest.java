package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.FakeSecrets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Hostile input (issue 7) through each component in a real configuration: the caller never sees an exception,
 * every event is written (or replaced by the placeholder), and no planted secret survives.
 */
class HostileInputTest {
    private final FakeSecrets fake = new FakeSecrets(71);
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

    private Logger configure(String config) {
        logback = Logback.configure(config, Map.of("LOG_FILE", dir.resolve("app.log").toString()));
        return logback.logger("com.example.Hostile");
    }

    private String written() {
        logback.stop();
        return Logback.read(dir.resolve("app.log"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/config/hostile-appender.xml", "/config/encoder-pattern-file.xml",
        "/config/hostile-converter.xml"})
    void hugeMessageAndMillionAnchors(String config) {
        Logger log = configure(config);
        String key = fake.openAiProjectKey();
        String pat = fake.githubPat();
        StringBuilder huge = new StringBuilder(10_500_000).append(key).append(' ');
        while (huge.length() < 10_000_000) {
            huge.append("lorem ipsum dolor sit amet ");
        }
        huge.append(pat);
        String anchors = "sk-".repeat(1_000_000);
        assertThatCode(() -> {
            log.info(huge.toString());
            log.info("anchors {} end", anchors);
            log.info("after");
        }).doesNotThrowAnyException();
        String out = written();
        Secrets.assertNoneIn(out, key, pat);
        assertThat(out).contains("[REDACTED:openai-project-key] lorem", "[REDACTED:github-pat]", " end", "after");
        assertThat(out.length()).isGreaterThan(13_000_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/config/hostile-appender.xml", "/config/encoder-pattern-file.xml",
        "/config/hostile-converter.xml"})
    void deepCyclicAndSelfReferencingExceptions(String config) {
        Logger log = configure(config);
        String key = fake.anthropicApiKey();
        Throwable deep = new IllegalStateException("deepest " + key);
        for (int i = 0; i < 10_000; i++) {
            deep = new RuntimeException("level " + i, deep);
        }
        Throwable finalDeep = deep;
        IllegalStateException a = new IllegalStateException("a " + key);
        IllegalArgumentException b = new IllegalArgumentException("b " + key, a);
        a.initCause(b); // cycle
        RuntimeException self = new RuntimeException("self " + key);
        RuntimeException suppressed = new RuntimeException("suppressed " + key, self);
        self.addSuppressed(suppressed); // cycle through suppressed
        // Logback's own ThrowableProxy constructor and %ex renderer recurse once per cause, before and after our
        // code (which is iterative), so this runs on a thread with a stack deep enough for Logback.
        Throwable[] thrown = new Throwable[1];
        Thread logging = new Thread(null, () -> {
            try {
                log.error("deep", finalDeep);
                log.error("cyclic", a);
                log.error("self-suppressed", self);
                log.info("after");
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "deep-stack", 512L * 1024 * 1024);
        logging.start();
        assertThatCode(logging::join).doesNotThrowAnyException();
        assertThat(thrown[0]).isNull();
        String out = written();
        Secrets.assertNoneIn(out, key);
        assertThat(out).contains("deep", "cyclic", "self-suppressed", "after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/config/hostile-appender.xml", "/config/encoder-pattern-file.xml",
        "/config/hostile-converter.xml"})
    void throwingToStringNullMdcManyMdcEntriesAndInvalidUtf16(String config) {
        Logger log = configure(config);
        String key = fake.githubPat();
        Object badArg = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("toString failed " + key);
            }
        };
        MDC.put("nullValue", null);
        for (int i = 0; i < 10_000; i++) {
            MDC.put("k" + i, i % 1000 == 0 ? "v " + key : "v" + i);
        }
        String broken = "\uD800 lone high, reversed \uDC00\uD800, key " + key + " \uDFFF";
        assertThatCode(() -> {
            log.info("bad arg {} and {}", badArg, "fine");
            log.info(broken);
            log.info("after");
        }).doesNotThrowAnyException();
        MDC.clear();
        String out = written();
        Secrets.assertNoneIn(out, key);
        assertThat(out).contains("bad arg", "and fine", "reversed", "after", "k9999=v9999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/config/hostile-appender.xml", "/config/encoder-pattern-file.xml",
        "/config/hostile-converter.xml"})
    void exceptionWhoseGetMessageAndToStringThrowAfterConstruction(String config) {
        Logger log = configure(config);
        String key = fake.openAiProjectKey();
        // Logback reads getMessage() and toString() once, when the event is created; these fail on later calls,
        // which is what a consumer reading ThrowableProxy.getThrowable() would hit.
        RuntimeException tricky = new RuntimeException("tricky " + key) {
            private int calls;

            @Override
            public String getMessage() {
                if (++calls > 3) { // Logback itself calls it up to three times while creating the event
                    throw new IllegalStateException("getMessage failed");
                }
                return super.getMessage();
            }
        };
        assertThatCode(() -> {
            log.error("tricky", tricky);
            log.info("after");
        }).doesNotThrowAnyException();
        String out = written();
        Secrets.assertNoneIn(out, key);
        assertThat(out).contains("tricky", "after");
        assertThat(out).doesNotContain(FailPolicy.PLACEHOLDER_TEXT + FailPolicy.PLACEHOLDER_TEXT);
    }

}
