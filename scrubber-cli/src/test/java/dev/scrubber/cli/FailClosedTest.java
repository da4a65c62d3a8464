package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrubber.core.LineReader;
import dev.scrubber.core.Scrubber;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * When the engine fails on a line (here: a listener that throws, the core's way to inject a failing rule), scrub
 * stops with a one-line error and never writes that line raw.
 */
class FailClosedTest {
    private final LogFiles logs = new LogFiles();
    private final Scrubber failing = Scrubber.builder().knownSecretsFromEnvironment(false).listener(rule -> {
        throw new IllegalStateException("injected failure in rule " + rule);
    }).build();

    private static LineWindows windows(String text) {
        return new LineWindows(new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8);
    }

    @Test
    void scrubStopsBeforeWritingALineItCouldNotScrub() {
        String key = logs.fakes.openAiProjectKey();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream sink = out;

        assertThatThrownBy(() -> new TextScrubber(failing, StandardCharsets.UTF_8)
                .scrub("app.log", windows("clean line\nkey " + key + "\nafter\n"), sink, progressOff()))
                .isInstanceOf(UserError.class)
                .hasMessage("app.log:2: could not be scrubbed (IllegalStateException); the output is incomplete");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("clean line\n");
    }

    private static Progress progressOff() {
        return Progress.of(new CliStreams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                System.err, false), true, "x", 0, () -> 0);
    }
}
