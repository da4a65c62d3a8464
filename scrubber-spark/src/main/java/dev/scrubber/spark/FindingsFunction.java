package dev.scrubber.spark;

import dev.scrubber.core.Finding;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code secret_findings(text)}: where the secrets are, never what they are, as
 * {@code array<struct<rule:string,start:int,end:int>>} with the engine's spans (0-based UTF-16 offsets, end
 * exclusive, as Java's {@code String} counts); empty for clean text, null for null. Fails closed: text the engine
 * cannot scan is reported as one finding of rule {@code scrub-failed} over the whole text.
 */
final class FindingsFunction extends EngineFunction implements UDF1<String, List<Row>> {
    private static final long serialVersionUID = 1L;

    static final StructType FINDING = new StructType()
            .add("rule", DataTypes.StringType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false);
    static final String FAILED_RULE = "scrub-failed";

    FindingsFunction(EngineOptions options) {
        super(options);
    }

    @Override
    public List<Row> call(String text) {
        if (text == null) {
            return null;
        }
        List<Finding> found;
        try {
            found = engine().find(text);
        } catch (RuntimeException e) {
            return List.of(RowFactory.create(FAILED_RULE, 0, text.length()));
        }
        List<Row> rows = new ArrayList<>(found.size());
        for (Finding f : found) {
            rows.add(RowFactory.create(f.ruleId(), f.start(), f.end()));
        }
        return rows;
    }
}
