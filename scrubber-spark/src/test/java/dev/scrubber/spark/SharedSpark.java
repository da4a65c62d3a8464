package dev.scrubber.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the module's tests (starting Spark costs seconds): real Spark in {@code local[2]}, the
 * scrubber's session extension on, no web UI, bound to 127.0.0.1 only. Every test class of the JVM shares it.
 */
final class SharedSpark {
    private static SparkSession spark;

    private SharedSpark() {
    }

    static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("scrubber-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString())
                    .config("spark.sql.extensions", ScrubberExtensions.class.getName())
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }
}
