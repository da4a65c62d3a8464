package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors: exit status 2 and one clear line on standard error, never a stack trace. */
class ErrorHandlingTest {
    @TempDir
    Path dir;

    private static void assertOneLineError(CliRun run, String expected) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().lines().filter(l -> l.startsWith("scrubber: ")).count()).isEqualTo(1);
    }

    @Test
    void missingFile() {
        String missing = dir.resolve("nope.log").toString();
        assertOneLineError(CliRun.run("scrub", missing), missing + ": no such file");
        assertOneLineError(CliRun.run("scan", missing), missing + ": no such file");
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = Files.writeString(dir.resolve("secret.log"), "x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as a user who reads anything");
        assertOneLineError(CliRun.run("scrub", file.toString()), "permission denied");
    }

    @Test
    void fileThatFailsToRead() {
        Path memory = Path.of("/proc/self/mem"); // opens, but reading at offset 0 fails, even for root
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(memory), "needs Linux /proc");
        assertOneLineError(CliRun.run("scan", memory.toString()), memory + ": cannot read (");
    }

    @Test
    void binaryInput() throws IOException {
        Path file = Files.write(dir.resolve("core.dump"), new byte[] {'E', 'L', 'F', 0, 0, 1});
        assertOneLineError(CliRun.run("scrub", file.toString()), "binary input");
        assertOneLineError(CliRun.run("scan", file.toString()), "binary input");
    }

    @Test
    void corruptGzip() throws IOException {
        Path file = Files.write(dir.resolve("bad.gz"), new byte[] {0x1f, (byte) 0x8b, 9, 9, 9});
        assertOneLineError(CliRun.run("scan", file.toString()), "bad.gz");
    }

    @Test
    void directoryGivenToScrub() {
        assertOneLineError(CliRun.run("scrub", dir.toString()), "is a directory");
    }

    @Test
    void badOptions() {
        assertOneLineError(CliRun.run("scan", "--format", "xml"), "--format");
        assertOneLineError(CliRun.run("scrub", "--bogus"), "Unknown option: '--bogus'");
        assertOneLineError(CliRun.run("scrub", "--mask-style", "loud"), "unknown mask style 'loud'");
        assertOneLineError(CliRun.run("scrub", "--disabled-rules", "no-such-rule"), "unknown rule id 'no-such-rule'");
        assertOneLineError(CliRun.run("scrub", "--rule", "broken=(unclosed"), "invalid RE2 pattern");
        assertOneLineError(CliRun.run("scrub", "--rule", "no-equals-sign"), "expected ID=REGEX");
        assertOneLineError(CliRun.run("scrub", "--charset", "klingon"), "unknown charset");
        assertOneLineError(CliRun.run("scrub", "--in-place"), "--in-place needs FILE");
        assertOneLineError(CliRun.run("scrub", "-i", "-o", "x", "y"), "cannot be used together");
        assertOneLineError(CliRun.run(), "a command is required");
    }

    @Test
    void refusesToOverwriteAnInputThroughOutput() throws IOException {
        Path file = Files.writeString(dir.resolve("app.log"), "x\n");
        assertOneLineError(CliRun.run("scrub", "-o", file.toString(), file.toString()), "use --in-place");
        assertThat(Files.readString(file)).isEqualTo("x\n");
    }

    @Test
    void scanGoesOnAfterAnErrorButExitsTwo() throws IOException {
        Path good = Files.writeString(dir.resolve("good.log"), "fine\n");
        CliRun run = CliRun.run("scan", dir.resolve("missing.log").toString(), good.toString());
        assertOneLineError(run, "missing.log: no such file");
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.run("scrub", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--in-place", "--mask-style", "--[no-]known-secrets-from-environment");
        assertThat(CliRun.run("--version").out()).startsWith("scrubber ");
    }
}
