package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrubCommandTest {
    @TempDir
    Path dir;

    private final LogFiles logs = new LogFiles();

    private void assertScrubbed(String output, String input) {
        assertThat(output).isNotEmpty();
        for (String secret : logs.secrets) {
            assertThat(input).contains(secret); // the test itself is meaningful
            assertThat(output).doesNotContain(secret);
        }
        assertThat(output).contains("[REDACTED:openai-project-key]", "[REDACTED:uri-password]",
                "[REDACTED:private-key]");
    }

    @Test
    void scrubsAFileToStandardOutputKeepingCleanLinesAsTheyWere() throws IOException {
        String log = logs.dirtyLog();
        Path file = LogFiles.write(dir.resolve("app.log"), log);

        CliRun run = CliRun.run("scrub", "--no-known-secrets-from-environment", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertScrubbed(run.out(), log);
        String[] in = log.split("\n", -1);
        String[] out = run.out().split("\n", -1);
        assertThat(out[0]).isEqualTo(in[0]);
        assertThat(run.out()).endsWith(in[in.length - 2] + "\n");
    }

    @Test
    void scrubsStandardInput() {
        String log = logs.dirtyLog();

        CliRun run = CliRun.runWithInput(log.getBytes(StandardCharsets.UTF_8), "scrub");

        assertThat(run.status()).isZero();
        assertScrubbed(run.out(), log);
    }

    @Test
    void readsGzipByItsMagicBytesWhateverTheName() throws IOException {
        String log = logs.dirtyLog();
        Path gz = LogFiles.writeGzip(dir.resolve("export-000"), log);

        CliRun run = CliRun.run("scrub", gz.toString());

        assertThat(run.status()).isZero();
        assertScrubbed(run.out(), log);
    }

    @Test
    void masksAPrivateKeyBlockSplitAcrossLinesAsOneSecret() throws IOException {
        String before = "2026-11-27T10:00:00Z INFO c.e.App - before";
        String after = "2026-11-27T10:00:03Z INFO c.e.App - after";
        String log = before + "\n" + logs.pemLine().replace("\n", "\r\n") + "\r\n" + after + "\n";
        Path file = LogFiles.write(dir.resolve("pem.log"), log);

        CliRun run = CliRun.run("scrub", file.toString());

        assertThat(logs.secrets).hasSizeGreaterThan(5);
        assertScrubbedPieces(run.out(), log);
        assertThat(run.out()).isEqualTo(before + "\n2026-11-27T10:00:02Z ERROR c.e.Tls - bad key material: "
                + "[REDACTED:private-key]\r\n" + after + "\n");
    }

    private void assertScrubbedPieces(String output, String input) {
        for (String piece : logs.secrets) {
            assertThat(input).contains(piece);
            assertThat(output).doesNotContain(piece);
        }
    }

    @Test
    void writesToAnOutputFileAndGzipsItWhenNamedSo() throws IOException {
        String log = logs.dirtyLog();
        Path in = LogFiles.write(dir.resolve("app.log"), log);
        Path plain = dir.resolve("clean.log");
        Path gz = dir.resolve("clean.log.gz");

        assertThat(CliRun.run("scrub", "-o", plain.toString(), in.toString()).status()).isZero();
        assertThat(CliRun.run("scrub", "--output", gz.toString(), in.toString()).status()).isZero();

        assertScrubbed(Files.readString(plain), log);
        assertThat(gunzip(gz)).isEqualTo(Files.readString(plain));
        assertThat(Files.list(dir)).allMatch(p -> !p.getFileName().toString().endsWith(".scrubbing"));
    }

    @Test
    void replacesFilesInPlaceKeepingGzipAndPermissions() throws IOException {
        String log = logs.dirtyLog();
        Path plain = LogFiles.write(dir.resolve("app.log"), log);
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r-----"));
        Path gz = LogFiles.writeGzip(dir.resolve("app.log.1.gz"), log);

        CliRun run = CliRun.run("scrub", "--in-place", plain.toString(), gz.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertScrubbed(Files.readString(plain), log);
        assertThat(Files.getPosixFilePermissions(plain)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(gunzip(gz)).isEqualTo(Files.readString(plain));
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void leavesACleanFileUntouchedInPlace() throws IOException {
        Path clean = LogFiles.write(dir.resolve("clean.log"), String.join("\n", logs.benign.lines(50)) + "\n");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(clean, old);
        byte[] before = Files.readAllBytes(clean);

        assertThat(CliRun.run("scrub", "-i", clean.toString()).status()).isZero();

        assertThat(Files.readAllBytes(clean)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(clean)).isEqualTo(old);
    }

    @Test
    void appliesTheAppenderOptions() throws IOException {
        String log = logs.dirtyLog() + "order ref ACME-7Q2X9Z4K1M done\ntenant=acme ticket: T0P-77-SECRET-CODE\n";
        Path file = LogFiles.write(dir.resolve("app.log"), log);

        CliRun run = CliRun.run("scrub", "--mask-style", "full", "--disabled-rules", "uri-password",
                "--rule", "acme-ref=ACME-[0-9A-Z]{10}", "--rule", "ticket:ticket=ticket: (\\S+)", file.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("key [REDACTED]\n", "order ref [REDACTED] done", "ticket: [REDACTED]")
                .doesNotContain("REDACTED:").doesNotContain("ACME-7Q2X9Z4K1M").doesNotContain("T0P-77-SECRET-CODE");
        String dbSecret = logs.secrets.get(1);
        assertThat(run.out()).contains(dbSecret); // the disabled rule no longer masks it
    }

    @Test
    void splitsAnEndlessLineIntoBoundedPiecesWithoutLosingText() throws IOException {
        StringBuilder huge = new StringBuilder();
        String key = logs.fakes.anthropicApiKey();
        huge.append("start ").append(key).append(' ');
        while (huge.length() < 3 * LineReader.MAX_LINE) {
            huge.append("word").append(huge.length() % 97).append(' ');
        }
        huge.append(key).append(" end");
        Path file = LogFiles.write(dir.resolve("one-line.log"), huge.toString());

        CliRun run = CliRun.run("scrub", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).doesNotContain(key).startsWith("start [REDACTED:anthropic-api-key] ")
                .endsWith(" [REDACTED:anthropic-api-key] end");
        assertThat(run.out().replace("[REDACTED:anthropic-api-key]", key)).isEqualTo(huge.toString());
    }

    @Test
    void copiesCleanLinesByteForByteEvenWhenNotValidUtf8() throws IOException {
        String key = logs.fakes.openAiProjectKey();
        byte[] latin1 = "caf\u00e9 ol\u00e9 \u00fcber\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] dirty = ("key " + key + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[latin1.length + dirty.length];
        System.arraycopy(latin1, 0, input, 0, latin1.length);
        System.arraycopy(dirty, 0, input, latin1.length, dirty.length);
        Path file = Files.write(dir.resolve("latin1.log"), input);

        CliRun run = CliRun.run("scrub", "-o", dir.resolve("out.log").toString(), file.toString());

        assertThat(run.status()).isZero();
        byte[] out = Files.readAllBytes(dir.resolve("out.log"));
        assertThat(java.util.Arrays.copyOf(out, latin1.length)).isEqualTo(latin1);
        assertThat(new String(out, latin1.length, out.length - latin1.length, StandardCharsets.UTF_8))
                .isEqualTo("key [REDACTED:openai-project-key]\n");
    }

    @Test
    void readsLargeGzipInputExactlyAndReportsATruncatedOne() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : logs.benign.lines(20_000)) {
            text.append(line).append('\n');
        }
        text.append(logs.dirtyLog());
        Path plain = LogFiles.write(dir.resolve("big.log"), text.toString());
        Path gz = LogFiles.writeGzip(dir.resolve("big.log.gz"), text.toString());
        assertThat(Files.size(gz)).isGreaterThan(256 * 1024);

        CliRun fromPlain = CliRun.run("scrub", plain.toString());
        CliRun fromGzip = CliRun.run("scrub", gz.toString());

        assertThat(fromGzip.status()).isZero();
        assertThat(fromGzip.out()).isEqualTo(fromPlain.out());
        assertScrubbed(fromGzip.out(), text.toString());

        byte[] whole = Files.readAllBytes(gz);
        Path cut = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        CliRun truncated = CliRun.run("scrub", "-o", dir.resolve("out.log").toString(), cut.toString());
        assertThat(truncated.status()).isEqualTo(2);
        assertThat(truncated.err()).startsWith("scrubber: " + cut + ": ").contains("end of ZLIB input stream");
        assertThat(dir.resolve("out.log")).doesNotExist();
    }

    static String gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
