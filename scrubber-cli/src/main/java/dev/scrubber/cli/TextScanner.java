package dev.scrubber.cli;

import dev.scrubber.core.Finding;
import dev.scrubber.core.Scrubber;
import java.io.IOException;
import java.util.List;
import java.util.List;

/** Finds secrets in a text stream and reports where they are, never what they are. */
final class TextScanner {
    private final Scrubber scrubber;

    TextScanner(Scrubber scrubber) {
        this.scrubber = scrubber;
    }

    /** Reports every finding of the input; returns how many there were. */
    long scan(String path, LineWindows windows, FindingReport report, Progress progress) throws IOException {
        long count = 0;
        while (windows.next()) {
            List<Finding> found;
            try {
                found = scrubber.find(windows.text());
            } catch (RuntimeException e) {
                throw new UserError(path + ":" + windows.lineOf(0) + ": could not be scanned ("
                        + e.getClass().getSimpleName() + ")");
            }
            for (Finding f : found) {
                report.finding(path, windows.lineOf(f.start()), windows.columnOf(f.start()), windows.lineOf(f.end()),
                        windows.columnOf(f.end()), f.ruleId());
                count++;
            }
            progress.update();
        }
        return count;
    }
}
