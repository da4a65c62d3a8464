package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.LineReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    Path dir;

    private final LogFiles logs = new LogFiles();

    @Test
    void reportsPathLineColumnAndRuleButNeverTheSecretAndExitsOne() throws IOException {
        String log = logs.dirtyLog();
        Path file = LogFiles.write(dir.resolve("app.log"), log);

        CliRun run = CliRun.run("scan", file.toString());

        assertThat(run.status()).isEqualTo(1);
        int keyLine = 21;
        int keyColumn = log.split("\n")[keyLine - 1].indexOf("sk-") + 1;
        assertThat(run.out().lines()).contains(file + ":" + keyLine + ":" + keyColumn + " openai-project-key")
                .anyMatch(l -> l.startsWith(file + ":22:") && l.endsWith(" uri-password"))
                .anyMatch(l -> l.startsWith(file + ":23:") && l.endsWith(" private-key"));
        for (String secret : logs.secrets) {
            assertThat(run.out() + run.err()).doesNotContain(secret);
        }
    }

    @Test
    void exitsZeroOnCleanInputFromStandardInput() {
        String clean = String.join("\n", logs.benign.lines(200)) + "\n";

        CliRun run = CliRun.runWithInput(clean.getBytes(StandardCharsets.UTF_8), "scan");

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void scansDirectoriesRecursivelyIncludingGzipAndSkipsBinaryFiles() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("2026/11"));
        LogFiles.writeGzip(nested.resolve("export.gz"), logs.dirtyLog());
        LogFiles.write(dir.resolve("clean.log"), "nothing to see\n");
        Files.write(dir.resolve("image.bin"), new byte[] {1, 0, 2, 0, 3});
        Path git = Files.createDirectories(dir.resolve(".git"));
        LogFiles.write(git.resolve("leak.log"), logs.dirtyLog());

        CliRun run = CliRun.run("scan", dir.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).allMatch(l -> l.startsWith(nested.resolve("export.gz") + ":")).hasSize(3);
    }

    @Test
    void writesJsonWithOneEntryPerFinding() throws IOException {
        Path file = LogFiles.write(dir.resolve("app.log"), logs.dirtyLog());

        CliRun run = CliRun.run("scan", "--format", "json", file.toString());

        assertThat(run.status()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(run.out());
        List<?> findings = (List<?>) doc.get("findings");
        assertThat(findings).hasSize(3);
        assertThat(doc.get("count")).isEqualTo(3L);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) findings.get(0);
        assertThat(first).containsEntry("path", file.toString()).containsEntry("line", 21L)
                .containsEntry("ruleId", "openai-project-key");
    }

    @Test
    void writesSarifWithTheStructureCodeScanningRequires() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("logs dir"));
        Path file = LogFiles.write(sub.resolve("app.log"), logs.dirtyLog());
        Path relative = Path.of("").toAbsolutePath().relativize(file);

        CliRun run = CliRun.run("scan", "--format=SARIF", relative.toString());

        assertThat(run.status()).isEqualTo(1);
        Map<?, ?> sarif = (Map<?, ?>) MiniJson.parse(run.out());
        assertThat(sarif.get("version")).isEqualTo("2.1.0");
        assertThat((String) sarif.get("$schema")).contains("sarif-schema-2.1.0");
        List<?> runs = (List<?>) sarif.get("runs");
        assertThat(runs).hasSize(1);
        Map<?, ?> theRun = (Map<?, ?>) runs.get(0);
        Map<?, ?> driver = (Map<?, ?>) ((Map<?, ?>) theRun.get("tool")).get("driver");
        assertThat(driver.get("name")).isEqualTo("log-scrubber");
        List<?> rules = (List<?>) driver.get("rules");
        List<?> results = (List<?>) theRun.get("results");
        assertThat(results).hasSize(3);
        for (Object o : results) {
            Map<?, ?> result = (Map<?, ?>) o;
            String ruleId = (String) result.get("ruleId");
            int index = ((Long) result.get("ruleIndex")).intValue();
            assertThat(((Map<?, ?>) rules.get(index)).get("id")).isEqualTo(ruleId);
            assertThat((String) ((Map<?, ?>) result.get("message")).get("text")).isNotBlank();
            Map<?, ?> physical = (Map<?, ?>) ((Map<?, ?>) ((List<?>) result.get("locations")).get(0))
                    .get("physicalLocation");
            String uri = (String) ((Map<?, ?>) physical.get("artifactLocation")).get("uri");
            assertThat(uri).endsWith("logs%20dir/app.log").doesNotContain("\\");
            Map<?, ?> region = (Map<?, ?>) physical.get("region");
            assertThat((Long) region.get("startLine")).isBetween(21L, 23L);
            assertThat((Long) region.get("startColumn")).isPositive();
        }
        for (Object r : rules) {
            assertThat((String) ((Map<?, ?>) ((Map<?, ?>) r).get("shortDescription")).get("text")).isNotBlank();
        }
        for (String secret : logs.secrets) {
            assertThat(run.out()).doesNotContain(secret);
        }
    }

    @Test
    void writesAValidEmptySarifLogWhenClean() throws IOException {
        Path file = LogFiles.write(dir.resolve("clean.log"), "all good\n");

        CliRun run = CliRun.run("scan", "-f", "sarif", file.toString());

        assertThat(run.status()).isZero();
        Map<?, ?> theRun = (Map<?, ?>) ((List<?>) ((Map<?, ?>) MiniJson.parse(run.out())).get("runs")).get(0);
        assertThat((List<?>) theRun.get("results")).isEmpty();
    }

    @Test
    void countsColumnsAcrossThePiecesOfAVeryLongLine() throws IOException {
        StringBuilder line = new StringBuilder("first\n");
        while (line.length() < LineReader.MAX_LINE + LineReader.MAX_LINE / 2) {
            line.append("k=v").append(line.length() % 89).append(' ');
        }
        int column = line.length() - "first\n".length() + 1;
        line.append(logs.fakes.anthropicApiKey()).append(" tail\n");
        Path file = LogFiles.write(dir.resolve("wide.log"), line.toString());

        CliRun run = CliRun.run("scan", file.toString());

        assertThat(run.out()).isEqualTo(file + ":2:" + column + " anthropic-api-key\n");
    }

    @Test
    void keepsOnlyTheEnabledRules() throws IOException {
        Path file = LogFiles.write(dir.resolve("app.log"), logs.dirtyLog());

        CliRun run = CliRun.run("scan", "--enabled-rules", "uri-password", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines()).singleElement().asString().endsWith(" uri-password");
    }

    @Test
    void reportsAPrivateKeyBlockOnceAtItsFirstLine() throws IOException {
        String log = "first\n" + logs.pemLine() + "\nlast line\n";
        Path file = LogFiles.write(dir.resolve("pem.log"), log);

        CliRun run = CliRun.run("scan", file.toString());

        int column = log.split("\n")[1].indexOf("-----BEGIN") + 1;
        assertThat(run.out()).isEqualTo(file + ":2:" + column + " private-key\n");
    }
}
