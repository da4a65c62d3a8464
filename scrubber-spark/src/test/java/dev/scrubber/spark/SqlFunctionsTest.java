package dev.scrubber.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Finding;
import dev.scrubber.core.Scrubber;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code scrub} and {@code secret_findings} in real Spark SQL ({@code local[2]}), registered by the extension. */
class SqlFunctionsTest {
    private static SparkSession spark;
    private static final LogCorpus CORPUS = new LogCorpus(15);
    private static final List<LogCorpus.Record> RECORDS = CORPUS.records(300, true);

    @BeforeAll
    static void start() {
        spark = SharedSpark.get();
    }

    private static Dataset<Row> logs(SparkSession session, List<LogCorpus.Record> records, int partitions) {
        List<String> texts = new ArrayList<>();
        records.forEach(r -> texts.add(r.text()));
        return session.createDataset(texts, Encoders.STRING()).toDF("text").repartition(partitions);
    }

    @Test
    void scrubMasksEverySecretAndLeavesBenignTextIdentical() {
        logs(spark, RECORDS, 4).createOrReplaceTempView("logs");
        List<Row> rows = spark.sql("SELECT text, scrub(text) AS clean FROM logs").collectAsList();
        Scrubber direct = Scrubber.defaults();
        assertThat(rows).hasSize(RECORDS.size());
        for (Row row : rows) {
            String text = row.getString(0);
            String clean = row.getString(1);
            assertThat(clean).isEqualTo(direct.scrub(text));
            LogCorpus.Record record = RECORDS.stream().filter(r -> r.text().equals(text)).findFirst().orElseThrow();
            if (record.benign()) {
                assertThat(clean).isEqualTo(text);
            } else {
                assertThat(clean).as(record.secret().ruleId()).isNotEqualTo(text);
                for (String piece : record.secret().pieces()) {
                    assertThat(clean).as(record.secret().ruleId()).doesNotContain(piece);
                }
            }
        }
    }

    @Test
    void secretFindingsAreTheEnginesFindings() {
        logs(spark, RECORDS, 3).createOrReplaceTempView("logs_f");
        List<Row> rows = spark.sql("SELECT text, secret_findings(text) AS f FROM logs_f").collectAsList();
        assertThat(spark.sql("SELECT secret_findings(text) FROM logs_f").schema().fields()[0].dataType().simpleString())
                .isEqualTo("array<struct<rule:string,start:int,end:int>>");
        Scrubber direct = Scrubber.defaults();
        long total = 0;
        for (Row row : rows) {
            List<Finding> expected = direct.find(row.getString(0));
            List<Finding> actual = new ArrayList<>();
            for (Row f : row.<Row>getList(1)) {
                actual.add(new Finding(f.getString(0), f.getInt(1), f.getInt(2)));
            }
            assertThat(actual).isEqualTo(expected);
            total += actual.size();
        }
        assertThat(total).isEqualTo(CORPUS.expectedPerRule(RECORDS).values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(RECORDS.stream().filter(r -> !r.benign()).count());
    }

    @Test
    void nullStaysNullAndTheFunctionsWorkInDataFrameExpressions() {
        Row row = spark.sql("SELECT scrub(CAST(NULL AS STRING)), secret_findings(CAST(NULL AS STRING))").first();
        assertThat(row.isNullAt(0)).isTrue();
        assertThat(row.isNullAt(1)).isTrue();
        String line = "Authorization: Bearer " + CORPUS.sample("openai-project-key").secret();
        Row viaExpr = spark.createDataset(List.of(line), Encoders.STRING()).toDF("m")
                .selectExpr("scrub(m)", "size(secret_findings(m))").first();
        assertThat(viaExpr.getString(0)).isEqualTo(Scrubber.defaults().scrub(line));
        assertThat(viaExpr.getInt(1)).isEqualTo(Scrubber.defaults().find(line).size()).isPositive();
    }

    @Test
    void optionsComeFromSparkScrubberConfAndTheEngineIsBuiltOncePerJvm() {
        SparkSession session = spark.newSession();
        session.conf().set("spark.scrubber.maskStyle", "full");
        session.conf().set("spark.scrubber.disabledRules", "jwt");
        List<LogCorpus.Record> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.addAll(RECORDS);
        }
        logs(session, many, 8).createOrReplaceTempView("many");
        int before = Engines.builds();
        List<Row> rows = session.sql("SELECT text, scrub(text) FROM many").collectAsList();
        int afterFirst = Engines.builds();
        session.sql("SELECT count(*) FROM many WHERE scrub(text) <> text").collectAsList();
        // 8 partitions on 2 task threads, thousands of rows, two queries: one engine for these options.
        assertThat(afterFirst - before).isEqualTo(1);
        assertThat(Engines.builds()).isEqualTo(afterFirst);
        String jwt = RECORDS.stream().filter(r -> !r.benign() && r.secret().ruleId().equals("jwt"))
                .findFirst().orElseThrow().text();
        for (Row row : rows) {
            if (row.getString(0).equals(jwt)) {
                assertThat(row.getString(1)).as("jwt is disabled").isEqualTo(jwt);
            } else if (!row.getString(1).equals(row.getString(0))) {
                assertThat(row.getString(1)).contains("[REDACTED]").doesNotContain("[REDACTED:");
            }
        }
    }

    @Test
    void aBadOptionFailsTheQueryNamingTheKey() {
        SparkSession session = spark.newSession();
        session.conf().set("spark.scrubber.maskStyle", "sparkly");
        assertThatThrownBy(() -> session.sql("SELECT scrub('x')").collect())
                .hasStackTraceContaining("spark.scrubber.*").hasStackTraceContaining("sparkly");
        session.conf().unset("spark.scrubber.maskStyle");
        session.conf().set("spark.scrubber.maskstyle", "full");
        assertThatThrownBy(() -> session.sql("SELECT scrub('x')").collect())
                .hasStackTraceContaining("unknown option 'maskstyle'");
    }

    @Test
    void aValueTheEngineCannotScrubBecomesThePlaceholder() {
        SparkSession session = spark.newSession();
        session.conf().set("spark.scrubber.disabledRules", "webhook-signing-secret");
        EngineOptions options = EngineOptions.fromConf(ScrubberExtensions.conf(session));
        Engines.put(options, Scrubber.builder().disableRules("webhook-signing-secret").listener(rule -> {
            throw new IllegalStateException("listener failed");
        }).build());
        String line = "token " + CORPUS.sample("github-pat").secret();
        Row row = session.sql("SELECT scrub('" + line + "'), secret_findings('" + line + "'), scrub('clean')").first();
        assertThat(row.getString(0)).isEqualTo(FailPolicy.PLACEHOLDER_TEXT);
        assertThat(row.getString(2)).isEqualTo("clean");
    }

    @Test
    void registerAddsTheFunctionsToASessionThatLacksThem() {
        SparkSession session = spark.newSession();
        session.sessionState().functionRegistry().dropFunction(FunctionIdentifier.apply("scrub"));
        session.sessionState().functionRegistry().dropFunction(FunctionIdentifier.apply("secret_findings"));
        assertThatThrownBy(() -> session.sql("SELECT scrub('x')").collect()).isInstanceOf(AnalysisException.class);
        ScrubberExtensions.register(session);
        String line = "password=" + CORPUS.sample("openai-project-key").secret();
        Row row = session.sql("SELECT scrub('" + line + "'), size(secret_findings('" + line + "'))").first();
        assertThat(row.getString(0)).isEqualTo(Scrubber.defaults().scrub(line)).isNotEqualTo(line);
        assertThat(row.getInt(1)).isPositive();
    }
}
