package dev.scrubber.cli;

import java.io.IOException;
import java.io.Writer;

/** One line per finding: {@code path:line:column rule-id}, the format editors and CI logs link to. */
final class TextReport implements FindingReport {
    private final Writer out;

    TextReport(Writer out) {
        this.out = out;
    }

    @Override
    public void finding(String path, long line, int column, long endLine, int endColumn, String ruleId)
            throws IOException {
        out.write(path + ":" + line + ":" + column + " " + ruleId + "\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
