package dev.scrubber.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * One JSON document, written as findings arrive:
 * {@code {"findings":[{"path":…,"line":…,"column":…,"endLine":…,"endColumn":…,"ruleId":…}],"count":n}}.
 */
final class JsonReport implements FindingReport {
    private final Writer out;
    private long count;

    JsonReport(Writer out) throws IOException {
        this.out = out;
        out.write("{\"findings\":[");
    }

    @Override
    public void finding(String path, long line, int column, long endLine, int endColumn, String ruleId)
            throws IOException {
        out.write((count++ == 0 ? "\n  " : ",\n  ") + "{\"path\":" + Json.quote(path) + ",\"line\":" + line
                + ",\"column\":" + column + ",\"endLine\":" + endLine + ",\"endColumn\":" + endColumn + ",\"ruleId\":"
                + Json.quote(ruleId) + "}");
    }

    @Override
    public void finish() throws IOException {
        out.write((count == 0 ? "" : "\n") + "],\"count\":" + count + "}\n");
        out.flush();
    }
}
