package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.scrubber.core.Scrubber;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the CLI as its own JVM, the way a user runs it, with a heap far smaller than the input. */
class SeparateProcessTest {
    private static final long BIG_FILE = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    private final LogFiles logs = new LogFiles();

    record Exit(int status, String out, String err) {
    }

    static Exit java(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-cp", classPath(), ScrubberCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("stdout.txt").toFile()).redirectError(workDir.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the CLI finished").isTrue();
        return new Exit(p.exitValue(), Files.readString(workDir.resolve("stdout.txt")),
                Files.readString(workDir.resolve("stderr.txt")));
    }

    /** The CLI's own classes and its runtime dependencies: scrubber-core, re2j, picocli. */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(ScrubberCli.class, Scrubber.class, Pattern.class, CommandLine.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void scrubsAFileLargerThanItsHeapInBoundedMemory() throws Exception {
        Path big = dir.resolve("big.log");
        List<String> secrets = new ArrayList<>();
        List<String> benign = logs.benign.lines(4000);
        long written = 0;
        int line = 0;
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            while (written < BIG_FILE) {
                String text = benign.get(line++ % benign.size());
                if (line % 50_000 == 0) {
                    String key = logs.fakes.githubPat();
                    secrets.add(key);
                    text = text + " token " + key;
                }
                if (line == 300_001) {
                    text = logs.pemLine();
                    secrets.addAll(logs.secrets);
                }
                w.write(text);
                w.write('\n');
                written += text.length() + 1;
            }
        }
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(BIG_FILE);

        Exit exit = java(dir, Map.of(), "scrub", "-o", "clean.log", "big.log");

        assertThat(exit.status()).as(exit.err()).isZero();
        assertThat(exit.err()).isEmpty();
        assertThat(secrets).hasSizeGreaterThan(10);
        long masks = 0;
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("clean.log"), StandardCharsets.UTF_8)) {
            String l;
            while ((l = r.readLine()) != null) {
                for (String s : secrets) {
                    assertThat(l).doesNotContain(s);
                }
                if (l.contains("[REDACTED:")) {
                    masks++;
                }
            }
        }
        assertThat(masks).isGreaterThanOrEqualTo(secrets.size() - logs.secrets.size() + 1);
        assertThat(Files.size(dir.resolve("clean.log"))).isBetween(Files.size(big) - 64 * 1024, Files.size(big));
    }

    @Test
    void gatesCiWithExitStatusAndReadsStandardInput() throws Exception {
        LogFiles.writeGzip(dir.resolve("dirty.log.gz"), logs.dirtyLog());
        LogFiles.write(dir.resolve("clean.log"), "nothing here\n");

        assertThat(java(dir, Map.of(), "scan", "clean.log").status()).isZero();
        Exit dirty = java(dir, Map.of(), "scan", "--format", "sarif", "dirty.log.gz");
        assertThat(dirty.status()).isEqualTo(1);
        assertThat(dirty.out()).contains("\"uri\": \"dirty.log.gz\"");
        Exit missing = java(dir, Map.of(), "scan", "absent.log");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("scrubber: absent.log: no such file\n");
    }

    @Test
    void stopsQuietlyWhenItsReaderGoesAway() throws Exception {
        String text = String.join("\n", logs.benign.lines(2000)) + "\n";
        Path file = LogFiles.write(dir.resolve("app.log"), text.repeat(8));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), ScrubberCli.class.getName(), "scrub", file.toString()));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (BufferedReader out = p.inputReader()) {
            assertThat(out.readLine()).isNotEmpty(); // like `| head -1`
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isEqualTo(StandardOutput.CLOSED_STATUS);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).isEmpty();
    }

    @Test
    void masksValuesOfSecretLookingEnvironmentVariablesUnlessTurnedOff() throws Exception {
        String value = "vault-" + Long.toHexString(Double.doubleToLongBits(Math.random())) + "-x9";
        LogFiles.write(dir.resolve("app.log"), "connected with " + value + " ok\n");
        Map<String, String> env = Map.of("PAYMENTS_API_TOKEN", value, "CUSTOM_THING", value + "2");

        assertThat(java(dir, env, "scrub", "app.log").out()).isEqualTo("connected with [REDACTED:known-secret] ok\n");
        assertThat(java(dir, env, "scrub", "--no-known-secrets-from-environment", "app.log").out())
                .isEqualTo("connected with " + value + " ok\n");
        LogFiles.write(dir.resolve("other.log"), "custom " + value + "2 here\n");
        assertThat(java(dir, env, "scrub", "--no-known-secrets-from-environment", "--known-secret-variables",
                "CUSTOM_THING", "other.log").out()).isEqualTo("custom [REDACTED:known-secret] here\n");
    }
}
