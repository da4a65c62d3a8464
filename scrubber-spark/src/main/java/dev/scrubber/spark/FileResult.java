package dev.scrubber.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one task did with one input file: counts, findings per line and rule (never a value), or the error. */
final class FileResult implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code count} findings of {@code rule} starting on line {@code line} (1-based). */
    record LineFindings(long line, String rule, int count) implements Serializable {
    }

    final String path;
    long lines;
    long changedLines;
    long failedLines;
    long notJsonLines;
    /** Why the file was skipped (binary), or null. */
    String skipped;
    /** Why the file could not be processed, or null. */
    String error;
    final List<LineFindings> findings = new ArrayList<>();

    FileResult(String path) {
        this.path = path;
    }

    /** Findings per rule over the whole file. */
    Map<String, Long> perRule() {
        Map<String, Long> out = new TreeMap<>();
        for (LineFindings f : findings) {
            out.merge(f.rule(), (long) f.count(), Long::sum);
        }
        return out;
    }

    /** The same result without its per-line findings, for the driver's summary. */
    FileResult summary() {
        FileResult s = new FileResult(path);
        s.lines = lines;
        s.changedLines = changedLines;
        s.failedLines = failedLines;
        s.notJsonLines = notJsonLines;
        s.skipped = skipped;
        s.error = error;
        perRule().forEach((rule, n) -> s.findings.add(new LineFindings(0, rule, (int) Math.min(n, Integer.MAX_VALUE))));
        return s;
    }
}
