package dev.scrubber.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.Function1;
import scala.Tuple2;
import scala.Tuple3;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Adds the SQL functions {@code scrub(text)} and {@code secret_findings(text)} to Spark SQL and DataFrames.
 *
 * <p>Either for every session of an application, as a session extension:
 *
 * <pre>{@code
 * spark-submit --jars scrubber-spark.jar --conf spark.sql.extensions=dev.scrubber.spark.ScrubberExtensions ...
 * }</pre>
 *
 * <p>or for one session, from code: {@code ScrubberExtensions.register(spark)}. Engine options come from the
 * session's {@code spark.scrubber.*} configuration (the README's option names, e.g.
 * {@code spark.scrubber.maskStyle=full}), read when a query that calls a function is analyzed; the engine is built
 * once per executor JVM for each distinct set of options and shared by all its tasks.
 */
public final class ScrubberExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
    static final String SCRUB = "scrub";
    static final String FINDINGS = "secret_findings";

    /** Called by Spark with the session extensions when {@code spark.sql.extensions} names this class. */
    @Override
    @SuppressWarnings("unchecked")
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectFunction(new Tuple3<>(FunctionIdentifier.apply(SCRUB), info(SCRUB), builder(SCRUB)));
        extensions.injectFunction(new Tuple3<>(FunctionIdentifier.apply(FINDINGS), info(FINDINGS), builder(FINDINGS)));
        return BoxedUnit.UNIT;
    }

    /** Registers both functions in {@code spark}'s function registry (for a session built without the extension). */
    @SuppressWarnings("unchecked")
    public static void register(SparkSession spark) {
        for (String name : new String[] {SCRUB, FINDINGS}) {
            spark.sessionState().functionRegistry().registerFunction(FunctionIdentifier.apply(name), info(name),
                    builder(name));
        }
    }

    private static ExpressionInfo info(String name) {
        String usage = name.equals(SCRUB)
                ? "_FUNC_(text) - Returns text with every secret masked (log-scrubber)."
                : "_FUNC_(text) - Returns array<struct<rule,start,end>>: where secrets are in text (log-scrubber).";
        return new ExpressionInfo(ScrubberExtensions.class.getName(), null, name, usage, "", "", "", "misc_funcs",
                "", "", "java_udf");
    }

    /**
     * Builds the function's expression at analysis time, with the options of the session that analyzes it. Typed
     * with {@code scala.collection.Seq}, which Scala 2.12 and 2.13 both have, so that one jar serves Spark builds of
     * either (2.13's {@code immutable.Seq} is one).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function1 builder(String name) {
        return new AbstractFunction1<scala.collection.Seq<Expression>, Expression>() {
            @Override
            public Expression apply(scala.collection.Seq<Expression> children) {
                if (children.length() != 1) {
                    throw new IllegalArgumentException(name + "(text) takes one argument, not " + children.length());
                }
                return udf(name, EngineOptions.fromConf(activeConf())).apply(new Column(children.head())).expr();
            }
        };
    }

    static UserDefinedFunction udf(String name, EngineOptions options) {
        UserDefinedFunction udf = name.equals(SCRUB)
                ? functions.udf(new ScrubFunction(options), DataTypes.StringType)
                : functions.udf(new FindingsFunction(options), findingsType());
        return udf.withName(name);
    }

    static DataType findingsType() {
        return DataTypes.createArrayType(FindingsFunction.FINDING, false);
    }

    private static Map<String, String> activeConf() {
        return SparkSession.getActiveSession().isDefined() ? conf(SparkSession.getActiveSession().get()) : Map.of();
    }

    /** A session's settings, read without Scala collection converters (which differ between 2.12 and 2.13). */
    static Map<String, String> conf(SparkSession spark) {
        Map<String, String> out = new HashMap<>();
        scala.collection.Iterator<Tuple2<String, String>> it = spark.conf().getAll().iterator();
        while (it.hasNext()) {
            Tuple2<String, String> e = it.next();
            out.put(e._1(), e._2());
        }
        return out;
    }
}
