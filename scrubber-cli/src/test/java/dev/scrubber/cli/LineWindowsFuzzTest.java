package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.FakeSecrets.Sample;
import dev.scrubber.core.LineReader;
import dev.scrubber.core.Scrubber;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the CLI's stream path: {@link LineReader} (fed by a stream that returns fuzzed short
 * reads), {@link LineWindows} (private-key blocks joined across lines) and {@link TextScrubber}, on fuzzed bytes around
 * a planted fake secret (single-line, or a multi-line key block with LF or CRLF line ends). Nothing may throw, the
 * planted secret never survives, and input the engine leaves alone is copied byte for byte.
 *
 * <p>A normal build runs only the regression inputs in {@code src/test/resources/dev/scrubber/cli/
 * LineWindowsFuzzTestInputs}; to fuzz: {@code JAZZER_FUZZ=1 mvn -pl scrubber-cli test -Dtest=LineWindowsFuzzTest}
 * (see docs/fuzzing.md).
 */
class LineWindowsFuzzTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private static final List<String> RULES = FakeSecrets.ruleIds();
    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1};
    private static final Progress NO_PROGRESS =
            Progress.of(new CliStreams(InputStream.nullInputStream(), OutputStream.nullOutputStream(), null, false),
                    true, "fuzz", 0, () -> 0);

    @FuzzTest(maxDuration = "30s")
    void plantedSecretNeverSurvives(FuzzedDataProvider data) throws IOException {
        Charset charset = CHARSETS[data.consumeInt(0, CHARSETS.length - 1)];
        Sample sample = new FakeSecrets(data.consumeLong()).sample(RULES.get(data.consumeInt(0, RULES.size() - 1)));
        String secretText = data.consumeBoolean() ? sample.text().replace("\n", "\r\n") : sample.text();
        int maxRead = data.consumeInt(1, 4096);
        byte[] before = data.consumeBytes(data.consumeInt(0, 2000));
        byte[] after = data.consumeRemainingAsBytes();
        // The secret stands on lines of its own when it spans lines (a key block), else between spaces.
        String separator = sample.multiLine() ? "\n" : " ";
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(before);
        input.writeBytes((separator + secretText + separator).getBytes(charset));
        input.writeBytes(after);

        String out = new String(scrub(input.toByteArray(), charset, maxRead, LineReader.MAX_LINE), charset);
        for (String piece : sample.pieces()) {
            assertThat(out).as("planted " + sample.ruleId()).doesNotContain(piece);
        }
    }

    /**
     * As above, with the reader's long-line limit lowered from 1 MiB to a fuzzed size (still above the planted
     * secret's longest line), so that the cutting of over-long lines into pieces runs on small inputs.
     *
     * <p>Every rule's secret is planted, also those that need their context ({@code Authorization: Bearer …},
     * {@code password = …}): the reader cuts an over-long line after a space, so the context and the value may land
     * in different pieces, and each piece is scanned with its neighbours. Fuzzing once found the context lost at
     * such a cut (limit 48, an authorization header); the input {@code authorization-header-across-cut} keeps
     * that case.
     */
    @FuzzTest(maxDuration = "30s")
    void plantedSecretSurvivesNoLongLineCut(FuzzedDataProvider data) throws IOException {
        Charset charset = CHARSETS[data.consumeInt(0, CHARSETS.length - 1)];
        String ruleId = RULES.get(data.consumeInt(0, RULES.size() - 1));
        Sample sample = new FakeSecrets(data.consumeLong()).sample(ruleId);
        String secretText = data.consumeBoolean() ? sample.text().replace("\n", "\r\n") : sample.text();
        int longest = 0;
        for (String line : secretText.split("\n")) {
            longest = Math.max(longest, line.getBytes(charset).length);
        }
        int maxLine = data.consumeInt(longest + 2, longest + 600);
        int maxRead = data.consumeInt(1, 4096);
        byte[] before = data.consumeBytes(data.consumeInt(0, 2000));
        byte[] after = data.consumeRemainingAsBytes();
        String separator = sample.multiLine() ? "\n" : " ";
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(before);
        input.writeBytes((separator + secretText + separator).getBytes(charset));
        input.writeBytes(after);

        String out = new String(scrub(input.toByteArray(), charset, maxRead, maxLine), charset);
        for (String piece : sample.pieces()) {
            assertThat(out).as("planted " + sample.ruleId() + ", line limit " + maxLine).doesNotContain(piece);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void cleanInputIsCopiedExactly(FuzzedDataProvider data) throws IOException {
        Charset charset = CHARSETS[data.consumeInt(0, CHARSETS.length - 1)];
        int maxRead = data.consumeInt(1, 4096);
        byte[] input = data.consumeRemainingAsBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long changed = new TextScrubber(SCRUBBER, charset).scrub("fuzz",
                new LineWindows(new LineReader(new ShortReads(input, maxRead)), charset), out, NO_PROGRESS);
        if (changed == 0) {
            assertThat(out.toByteArray()).isEqualTo(input);
        } else {
            String text = new String(input, charset);
            assertThat(SCRUBBER.find(text)).as("a window changed, so the engine finds something").isNotEmpty();
        }
    }

    private static byte[] scrub(byte[] input, Charset charset, int maxRead, int maxLine) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextScrubber(SCRUBBER, charset).scrub("fuzz",
                new LineWindows(new LineReader(new ShortReads(input, maxRead), maxLine), charset), out, NO_PROGRESS);
        return out.toByteArray();
    }

    /** A stream that hands out at most {@code maxRead} bytes per read, like a pipe or socket. */
    private static final class ShortReads extends ByteArrayInputStream {
        private final int maxRead;

        ShortReads(byte[] bytes, int maxRead) {
            super(bytes);
            this.maxRead = maxRead;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, maxRead));
        }
    }
}
