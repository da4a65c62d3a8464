package dev.scrubber.cli;

import java.io.IOException;

/** Writes scan findings in one output format. Positions are 1-based; the end is exclusive. */
interface FindingReport {
    void finding(String path, long line, int column, long endLine, int endColumn, String ruleId) throws IOException;

    /** Completes the document (closing brackets, the rule list) and flushes. */
    void finish() throws IOException;
}
