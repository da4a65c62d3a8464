package dev.scrubber.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Scrubs or audits a log archive on Spark: every file under {@code --input} (plain or compressed, on any Hadoop
 * file system) is read whole by one task, line by line with the CLI's rules; {@code --output} gets a scrubbed copy of
 * each file at the same relative path, {@code --findings} a Parquet table of where secrets were (file, line, rule,
 * count; never a value), and standard output a summary. Exit status as the CLI's: 0 nothing found, 1 secrets found,
 * 2 error (bad arguments, an unreadable file, a line that had to be written as the placeholder).
 *
 * <pre>{@code
 * spark-submit --class dev.scrubber.spark.ScrubLogs scrubber-spark.jar \
 *     --input s3a://logs/exports/ --output s3a://logs/clean/ --findings s3a://logs/findings/
 * java -cp scrubber-spark.jar:$SPARK_HOME/jars/* dev.scrubber.spark.ScrubLogs --master local[4] --input logs/ ...
 * }</pre>
 */
public final class ScrubLogs {
    static final StructType FINDINGS_SCHEMA = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("rule", DataTypes.StringType, false)
            .add("count", DataTypes.IntegerType, false);

    private static final String USAGE = String.join("\n",
            "usage: ScrubLogs --input PATH [--input PATH ...] [--output DIR] [--findings DIR]",
            "                 [--format text|json] [--compression same|none] [--overwrite]",
            "                 [--master MASTER] [--conf spark.scrubber.OPTION=VALUE ...]",
            "  --input        file, directory (read recursively) or glob; any Hadoop file system; plain or compressed",
            "  --output       scrubbed copies, at each file's path relative to its input",
            "  --findings     Parquet table: file, line, rule, count (never the secret)",
            "  --format       text (default) or json: JSON lines, every string value scrubbed, structure kept",
            "  --compression  same (default): compressed like the input; none: plain text",
            "  --overwrite    replace an existing --output or --findings",
            "  --master       Spark master when not run by spark-submit, e.g. local[4]",
            "  --conf         a Spark setting; spark.scrubber.* are the engine options (README names)",
            "exit status: 0 nothing found, 1 secrets found, 2 error");

    private ScrubLogs() {
    }

    /** Runs the job in its own Spark session and exits with its status. */
    public static void main(String[] args) {
        int status;
        Arguments parsed;
        try {
            parsed = Arguments.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("scrubber: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (parsed.help) {
            System.out.println(USAGE);
            System.exit(0);
            return;
        }
        SparkSession spark = null;
        try {
            SparkSession.Builder builder = SparkSession.builder().appName("ScrubLogs");
            if (parsed.master != null) {
                builder.master(parsed.master);
            }
            parsed.conf.forEach(builder::config);
            spark = builder.getOrCreate();
            status = run(spark, parsed, System.out, System.err);
        } catch (RuntimeException | LinkageError e) {
            // Never the JVM's status 1 for an uncaught exception: 1 means "secrets found".
            System.err.println("scrubber: " + e);
            status = 2;
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
        System.exit(status);
    }

    /**
     * Runs the job in an existing session (a notebook, a Glue or Databricks job that owns its session) and returns
     * the exit status instead of exiting; prints the summary to standard output. {@code --master} is ignored and
     * {@code --conf} sets engine options only.
     */
    public static int run(SparkSession spark, String... args) {
        return run(spark, Arrays.asList(args), System.out, System.err);
    }

    /** As {@link #run(SparkSession, String...)}, printing to the given streams. */
    static int run(SparkSession spark, List<String> args, PrintStream out, PrintStream err) {
        try {
            return run(spark, Arguments.parse(args), out, err);
        } catch (IllegalArgumentException e) {
            err.println("scrubber: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("scrubber: " + e);
            return 2;
        }
    }

    private static int run(SparkSession spark, Arguments args, PrintStream out, PrintStream err) {
        Map<String, String> conf = ScrubberExtensions.conf(spark);
        conf.putAll(args.conf);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = sc.hadoopConfiguration();
        int status = 0;
        List<String> roots = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        JobSpec spec;
        try {
            EngineOptions engine = EngineOptions.fromConf(conf);
            for (String input : args.inputs) {
                Path p = new Path(input);
                FileSystem fs = p.getFileSystem(hadoop);
                FileStatus[] found = fs.globStatus(p);
                if (found == null || found.length == 0) {
                    err.println("scrubber: " + input + ": no such file");
                    status = 2;
                    continue;
                }
                inputs.add(input);
                roots.add(root(fs, input));
            }
            String output = args.output == null ? null : qualified(args.output, hadoop);
            if (output != null) {
                for (String root : roots) {
                    if (output.equals(root) || output.startsWith(root.endsWith("/") ? root : root + "/")) {
                        throw new IllegalArgumentException("--output " + args.output + " is inside --input " + root);
                    }
                }
                refuseExisting("--output", args.output, hadoop, args.overwrite);
            }
            if (args.findings != null) {
                refuseExisting("--findings", args.findings, hadoop, args.overwrite);
            }
            spec = new JobSpec(engine, args.format, output, args.compression, roots);
        } catch (IllegalArgumentException | IOException e) {
            err.println("scrubber: " + e.getMessage());
            return 2;
        }
        if (inputs.isEmpty()) {
            return 2;
        }

        List<FileResult> files;
        JavaRDD<FileResult> results = null;
        try {
            results = files(sc, inputs).map(file -> LogFile.process(file._1(), file._2(), spec))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            files = results.map(FileResult::summary).collect();
            if (args.findings != null) {
                JavaRDD<Row> rows = results.flatMap(r -> r.findings.stream()
                        .map(f -> RowFactory.create(r.path, f.line(), f.rule(), f.count())).iterator());
                spark.createDataFrame(rows, FINDINGS_SCHEMA).write().mode(SaveMode.Overwrite).parquet(args.findings);
            }
        } catch (RuntimeException e) {
            err.println("scrubber: the job failed: " + e.getMessage());
            return 2;
        } finally {
            if (results != null) {
                results.unpersist(false);
            }
        }
        return Math.max(status, summarize(files, out, err));
    }

    /**
     * Every file under the inputs, read by Spark's binary-file input (Hadoop listing and file systems), directories
     * recursively. The setting is copied into the RDD's own configuration, so the session's stays as it was.
     */
    private static JavaPairRDD<String, PortableDataStream> files(JavaSparkContext sc, List<String> inputs) {
        Configuration hadoop = sc.hadoopConfiguration();
        String key = "mapreduce.input.fileinputformat.input.dir.recursive";
        String before = hadoop.get(key);
        hadoop.setBoolean(key, true);
        try {
            return sc.binaryFiles(String.join(",", inputs), sc.defaultParallelism());
        } finally {
            if (before == null) {
                hadoop.unset(key);
            } else {
                hadoop.set(key, before);
            }
        }
    }

    /** Prints the summary; returns the exit status. */
    private static int summarize(List<FileResult> files, PrintStream out, PrintStream err) {
        long lines = 0;
        long changed = 0;
        long failed = 0;
        long notJson = 0;
        int errors = 0;
        int skipped = 0;
        Map<String, Long> perRule = new TreeMap<>();
        for (FileResult f : files) {
            lines += f.lines;
            changed += f.changedLines;
            failed += f.failedLines;
            notJson += f.notJsonLines;
            if (f.error != null) {
                err.println("scrubber: " + f.path + ": " + f.error);
                errors++;
            } else if (f.skipped != null) {
                skipped++;
            }
            f.findings.forEach(x -> perRule.merge(x.rule(), (long) x.count(), Long::sum));
        }
        long total = perRule.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "files: %d (%d skipped as binary, %d failed)%n", files.size(), skipped, errors);
        out.printf(Locale.ROOT, "lines read: %d%n", lines);
        out.printf(Locale.ROOT, "lines changed: %d%n", changed);
        if (notJson > 0) {
            out.printf(Locale.ROOT, "lines not JSON (scrubbed as text): %d%n", notJson);
        }
        if (failed > 0) {
            out.printf(Locale.ROOT, "lines that could not be scrubbed (written as the placeholder): %d%n", failed);
        }
        out.printf(Locale.ROOT, "findings: %d%n", total);
        perRule.forEach((rule, n) -> out.printf(Locale.ROOT, "  %s: %d%n", rule, n));
        if (errors > 0 || failed > 0) {
            return 2;
        }
        return total > 0 ? 1 : 0;
    }

    /** The qualified part of an input before any glob character: what output paths are relative to. */
    private static String root(FileSystem fs, String input) {
        int glob = indexOfGlob(input);
        String plain = glob < 0 ? input : input.substring(0, Math.max(input.lastIndexOf('/', glob), 0) + 1);
        return fs.makeQualified(new Path(plain.isEmpty() ? "." : plain)).toString();
    }

    private static int indexOfGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String qualified(String path, Configuration hadoop) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(hadoop).makeQualified(p).toString();
    }

    private static void refuseExisting(String option, String path, Configuration hadoop, boolean overwrite)
            throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(hadoop);
        if (!overwrite && fs.exists(p) && (!fs.getFileStatus(p).isDirectory() || fs.listStatus(p).length > 0)) {
            throw new IllegalArgumentException(option + " " + path + " exists; use --overwrite to replace it");
        }
    }

    /** The command line. */
    static final class Arguments {
        final List<String> inputs = new ArrayList<>();
        String output;
        String findings;
        JobSpec.Format format = JobSpec.Format.TEXT;
        JobSpec.Compression compression = JobSpec.Compression.SAME;
        boolean overwrite;
        boolean help;
        String master;
        final Map<String, String> conf = new TreeMap<>();

        static Arguments parse(List<String> args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--help", "-h" -> a.help = true;
                    case "--overwrite" -> a.overwrite = true;
                    case "--input", "--output", "--findings", "--format", "--compression", "--master", "--conf" -> {
                        if (value == null) {
                            if (i + 1 >= args.size()) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args.get(++i);
                        }
                        a.set(name, value);
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            if (a.inputs.isEmpty() && !a.help) {
                throw new IllegalArgumentException("--input is required");
            }
            return a;
        }

        private void set(String name, String value) {
            switch (name) {
                case "--input" -> Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).forEach(inputs::add);
                case "--output" -> output = value;
                case "--findings" -> findings = value;
                case "--format" -> format = parse(JobSpec.Format.class, name, value);
                case "--compression" -> compression = parse(JobSpec.Compression.class, name, value);
                case "--master" -> master = value;
                case "--conf" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--conf " + value + ": expected KEY=VALUE");
                    }
                    conf.put(value.substring(0, eq), value.substring(eq + 1));
                }
                default -> throw new IllegalStateException(name);
            }
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " " + value + ": expected one of "
                        + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
            }
        }
    }
}
