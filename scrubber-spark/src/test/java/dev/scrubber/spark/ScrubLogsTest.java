package dev.scrubber.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.Scrubber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ScrubLogs} job on generated archives, in the shared {@code local[2]} session. */
class ScrubLogsTest {
    private static SparkSession spark;
    private final LogCorpus corpus = new LogCorpus(42);

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SharedSpark.get();
    }

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScrubLogs.run(spark, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void scrubsADirectoryOfManyPlainAndGzipFiles() throws IOException {
        Path in = dir.resolve("exports");
        Map<String, List<LogCorpus.Record>> files = new TreeMap<>();
        for (int i = 0; i < 24; i++) {
            String name = String.format("%s/stream-%02d/%06d%s", i < 12 ? "2026/11" : "2026/12", i % 4, i,
                    i % 3 == 0 ? ".log" : i % 3 == 1 ? ".gz" : "");
            List<LogCorpus.Record> records = corpus.records(60 + i, i % 2 == 0);
            files.put(name, records);
            // Files without an extension are gzip like CloudWatch's: recognised by content.
            write(in.resolve(name), LogCorpus.join(records, i == 5 ? "\r\n" : "\n"), !name.endsWith(".log"));
        }
        Path out = dir.resolve("clean");
        Path findings = dir.resolve("findings");
        Run run = run("--input", in.toString(), "--output", out.toString(), "--findings", findings.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(1);

        long lines = 0;
        List<LogCorpus.Record> all = new ArrayList<>();
        for (Map.Entry<String, List<LogCorpus.Record>> e : files.entrySet()) {
            Path copy = out.resolve(e.getKey());
            assertThat(copy).exists();
            byte[] raw = Files.readAllBytes(copy);
            assertThat(isGzip(raw)).as(e.getKey()).isEqualTo(!e.getKey().endsWith(".log"));
            String eol = e.getKey().endsWith("000005") ? "\r\n" : "\n";
            assertCleanCopy(e.getValue(), read(copy), eol);
            lines += LogCorpus.join(e.getValue(), "\n").split("\n").length;
            all.addAll(e.getValue());
        }
        assertThat(run.out()).contains("files: 24 ").contains("lines read: " + lines + "\n");

        Map<String, Long> expected = corpus.expectedPerRule(all);
        Map<String, Long> actual = new TreeMap<>();
        List<Row> rows = spark.read().parquet(findings.toString()).collectAsList();
        for (Row r : rows) {
            actual.merge(r.getString(r.fieldIndex("rule")), (long) r.getInt(r.fieldIndex("count")), Long::sum);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(expected.keySet()).containsAll(FakeSecrets.ruleIds());
        assertThat(spark.read().parquet(findings.toString()).schema().simpleString())
                .isEqualTo("struct<file:string,line:bigint,rule:string,count:int>");
        expected.forEach((rule, n) -> assertThat(run.out()).contains("  " + rule + ": " + n + "\n"));
        assertLinesOfFindings(rows, files, in);
    }

    /** Line for line: benign lines byte-identical, secrets gone, line numbers kept (a masked key block pads). */
    private static void assertCleanCopy(List<LogCorpus.Record> records, String copy, String eol) {
        String[] outLines = copy.split(eol, -1);
        int line = 0;
        for (LogCorpus.Record r : records) {
            if (r.benign()) {
                assertThat(outLines[line]).isEqualTo(r.text());
            } else {
                String scrubbed = String.join("\n", java.util.Arrays.copyOfRange(outLines, line, line + r.lineCount()));
                for (String piece : r.secret().pieces()) {
                    assertThat(scrubbed).as(r.secret().ruleId()).doesNotContain(piece);
                }
                assertThat(scrubbed).as(r.secret().ruleId()).contains("[REDACTED");
            }
            line += r.lineCount();
        }
        assertThat(outLines).hasSize(line + 1); // the last element is what follows the final line end: nothing
        assertThat(outLines[line]).isEmpty();
    }

    /** Each finding's line holds the start of a record with a secret. */
    private static void assertLinesOfFindings(List<Row> rows, Map<String, List<LogCorpus.Record>> files, Path in) {
        for (Row r : rows) {
            String file = r.getString(0);
            String name = file.substring(file.indexOf(in.getFileName().toString() + "/") + in.getFileName().toString().length() + 1);
            List<LogCorpus.Record> records = files.get(name);
            assertThat(records).as(file).isNotNull();
            long line = 1;
            boolean found = false;
            for (LogCorpus.Record rec : records) {
                if (line == r.getLong(1)) {
                    found = !rec.benign();
                    break;
                }
                line += rec.lineCount();
            }
            assertThat(found).as(file + ":" + r.getLong(1)).isTrue();
        }
    }

    @Test
    void cleanInputExitsZeroAndIsCopiedByteForByte() throws IOException {
        String text = LogCorpus.join(corpus.records(200, false), "\n") + "no final newline";
        write(dir.resolve("in/app.log"), text, false);
        byte[] latin1 = "caf\u00e9 latin-1 bytes\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("in/legacy.log"), latin1);
        Run run = run("--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/app.log"))).isEqualTo(text);
        assertThat(Files.readAllBytes(dir.resolve("out/legacy.log"))).isEqualTo(latin1);
        assertThat(run.out()).contains("findings: 0");
    }

    @Test
    void jsonLinesHaveEveryStringValueScrubbedAndTheirStructureKept() throws IOException {
        String key = corpus.sample("anthropic-api-key").secret();
        String password = new FakeSecrets(7).password();
        String sensitiveField = "password"; // a sensitive key: masked whole, whatever the value looks like
        String pem = corpus.sample("private-key").text();
        String benign = "{\"ts\":\"2026-11-30T08:15:00Z\", \"level\":\"INFO\",\"n\":1.50,\"msg\":\"cache hit \\u00e9\"}";
        List<String> lines = List.of(
                benign,
                "{\"ts\":\"2026-11-30T08:15:01Z\",\"level\":\"ERROR\",\"msg\":\"call failed x-api-key: " + key
                        + "\",\"n\":  2e3, \"ctx\":{\"tags\":[\"a\",\"" + key + "\"],\"ok\":true}}",
                "{\"msg\":\"key loaded\",\"" + sensitiveField + "\":\"" + password + "\"}",
                "{\"msg\":\"" + pem.replace("\n", "\\n") + "\"}",
                "not json: x-api-key " + key);
        write(dir.resolve("json/app.jsonl"), String.join("\n", lines) + "\n", false);
        Run run = run("--input", dir.resolve("json").toString(), "--output", dir.resolve("out").toString(),
                "--format", "json", "--findings", dir.resolve("f").toString());
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        String[] out = Files.readString(dir.resolve("out/app.jsonl")).split("\n", -1);
        assertThat(out).hasSize(lines.size() + 1);
        assertThat(out[0]).isEqualTo(benign);
        assertThat(out[1]).startsWith("{\"ts\":\"2026-11-30T08:15:01Z\",\"level\":\"ERROR\",\"msg\":\"call failed")
                .contains(",\"n\":  2e3, \"ctx\":{\"tags\":[\"a\",\"[REDACTED:anthropic-api-key]\"],\"ok\":true}}")
                .doesNotContain(key);
        assertThat(out[2]).isEqualTo("{\"msg\":\"key loaded\",\"password\":\"[REDACTED:sensitive-key]\"}");
        assertThat(out[3]).startsWith("{\"msg\":\"[REDACTED:private-key]").endsWith("\"}");
        assertThat(out[4]).isEqualTo(Scrubber.defaults().scrub(lines.get(4))).doesNotContain(key);
        for (String piece : corpus.sample("private-key").pieces()) {
            assertThat(String.join("\n", out)).doesNotContain(piece);
        }
        assertThat(run.out()).contains("lines changed: 4").contains("lines not JSON (scrubbed as text): 1")
                .contains("  sensitive-key: 1").contains("  private-key: 1").contains("  anthropic-api-key: 3");
        assertThat(spark.read().parquet(dir.resolve("f").toString()).count()).isEqualTo(4);
    }

    @Test
    void aPemBlockSplitOverLinesIsMaskedWholeAndTheLineCountKept() throws IOException {
        FakeSecrets.Sample key = corpus.sample("private-key");
        String text = "08:15:00 INFO loading\n08:15:01 DEBUG c.e.Tls - key: " + key.text() + "\n08:15:02 INFO ready\n";
        write(dir.resolve("pem/tls.log"), text, false);
        Run run = run("--input", dir.resolve("pem/tls.log").toString(), "--output", dir.resolve("out").toString(),
                "--findings", dir.resolve("f").toString());
        assertThat(run.status()).isEqualTo(1);
        String[] out = Files.readString(dir.resolve("out/tls.log")).split("\n", -1);
        assertThat(out).hasSize(text.split("\n", -1).length);
        assertThat(out[0]).isEqualTo("08:15:00 INFO loading");
        assertThat(out[1]).isEqualTo("08:15:01 DEBUG c.e.Tls - key: [REDACTED:private-key]");
        assertThat(out[out.length - 2]).isEqualTo("08:15:02 INFO ready");
        Row finding = spark.read().parquet(dir.resolve("f").toString()).first();
        assertThat(finding.getLong(1)).isEqualTo(2);
        assertThat(finding.getString(2)).isEqualTo("private-key");
    }

    @Test
    void compressionNoneWritesPlainCopiesWithoutTheCodecExtension() throws IOException {
        String text = "token=" + corpus.sample("github-pat").secret() + "\n" + corpus.benignLine() + "\n";
        for (int i = 0; i < 12; i++) {
            write(dir.resolve("gz/" + i + ".log.gz"), text, true);
        }
        int builds = Engines.builds();
        // Options no other test uses: one engine for the whole run (12 files, 2 task threads), not one per file.
        Run run = run("--input", dir.resolve("gz").toString(), "--output", dir.resolve("out").toString(),
                "--compression", "none", "--conf", "spark.scrubber.disabledRules=wolfram-app-id");
        assertThat(run.status()).isEqualTo(1);
        assertThat(Engines.builds() - builds).isEqualTo(1);
        for (int i = 0; i < 12; i++) {
            assertThat(Files.readString(dir.resolve("out/" + i + ".log"))).isEqualTo(Scrubber.defaults().scrub(text));
        }
    }

    @Test
    void otherHadoopCodecsByExtensionAndAPlainFileNamedGz() throws IOException {
        String text = "token=" + corpus.sample("github-pat").secret() + "\n" + corpus.benignLine() + "\n";
        BZip2Codec bzip2 = new BZip2Codec();
        bzip2.setConf(new Configuration());
        Files.createDirectories(dir.resolve("in"));
        try (OutputStream out = bzip2.createOutputStream(Files.newOutputStream(dir.resolve("in/a.log.bz2")))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        write(dir.resolve("in/plain.gz"), text, false);
        Run run = run("--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString());
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        try (InputStream in = bzip2.createInputStream(Files.newInputStream(dir.resolve("out/a.log.bz2")))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Scrubber.defaults().scrub(text));
        }
        assertThat(Files.readString(dir.resolve("out/plain.gz"))).isEqualTo(Scrubber.defaults().scrub(text));
    }

    @Test
    void errorsExitTwoAndTheOtherFilesAreStillScrubbed() throws IOException {
        write(dir.resolve("in/good.log"), "api_key=" + corpus.sample("openai-project-key").secret() + "\n", false);
        byte[] gz = gzip(LogCorpus.join(corpus.records(500, false), "\n"));
        Files.write(dir.resolve("in/truncated.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        Run run = run("--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("truncated.gz").contains("EOFException");
        assertThat(dir.resolve("out/good.log")).exists();
        assertThat(dir.resolve("out/truncated.gz")).doesNotExist();
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("good.log");
        }

        assertThat(run("--input", dir.resolve("missing").toString()).status()).isEqualTo(2);
        assertThat(run("--input", dir.resolve("in").toString(), "--format", "xml").err()).contains("--format xml");
        assertThat(run("--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString()).err())
                .contains("exists; use --overwrite");
        assertThat(run("--input", dir.resolve("in").toString(), "--output", dir.resolve("in/x").toString()).err())
                .contains("is inside --input");
        assertThat(run("--input", dir.resolve("in/good.log").toString(), "--conf", "spark.scrubber.maskStyle=loud")
                .status()).isEqualTo(2);
    }

    @Test
    void aLineTheEngineCannotScrubIsWrittenAsThePlaceholder() throws IOException {
        // An engine whose listener fails on one rule: the job must write the placeholder, never the raw line.
        EngineOptions options = EngineOptions.fromConf(Map.of("spark.scrubber.disabledRules", "slack-webhook-url"));
        Engines.put(options, Scrubber.builder().disableRules("slack-webhook-url").listener(rule -> {
            if (rule.equals("github-pat")) {
                throw new IllegalStateException("listener failed");
            }
        }).build());
        String pat = corpus.sample("github-pat").secret();
        String benign = corpus.benignLine();
        write(dir.resolve("in/app.log"), benign + "\nGITHUB_TOKEN=" + pat + "\r\n" + benign + "\n", false);
        Run run = run("--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString(),
                "--conf", "spark.scrubber.disabledRules=slack-webhook-url");
        assertThat(run.status()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("out/app.log")))
                .isEqualTo(benign + "\n" + FailPolicy.PLACEHOLDER_TEXT + "\r\n" + benign + "\n");
        assertThat(run.out()).contains("lines that could not be scrubbed (written as the placeholder): 1");
    }

    static void write(Path file, String text, boolean gzip) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, gzip ? gzip(text) : text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static boolean isGzip(byte[] b) {
        return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static String read(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (!isGzip(raw)) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
