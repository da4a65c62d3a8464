package dev.scrubber.cli;

import dev.scrubber.core.Continuations;
import dev.scrubber.core.Finding;
import dev.scrubber.core.Scrubber;
import java.io.IOException;
import java.util.List;

/**
 * Finds secrets in a text stream and reports where they are, never what they are. A piece of an over-long line is
 * scanned together with the end of the piece before it ({@link Continuations#contextWindow()} characters), so a
 * secret or its keyword straddling the cut is found; it is reported from the start of the piece.
 */
final class TextScanner {
    private final Scrubber scrubber;
    private final int overlap;

    TextScanner(Scrubber scrubber) {
        this.scrubber = scrubber;
        this.overlap = Continuations.of(scrubber).contextWindow();
    }

    /** Reports every finding of the input; returns how many there were. */
    long scan(String path, LineWindows windows, FindingReport report, Progress progress) throws IOException {
        long count = 0;
        String before = "";
        while (windows.next()) {
            String text = windows.text();
            if (!windows.continuesLine()) {
                before = "";
            }
            List<Finding> found;
            try {
                found = scrubber.find(before.isEmpty() ? text : before + text);
            } catch (RuntimeException e) {
                throw new UserError(path + ":" + windows.lineOf(0) + ": could not be scanned ("
                        + e.getClass().getSimpleName() + ")");
            }
            int shift = before.length();
            for (Finding f : found) {
                if (f.end() <= shift) {
                    continue; // inside the previous piece: reported with it
                }
                int start = Math.max(f.start(), shift) - shift;
                int end = f.end() - shift;
                report.finding(path, windows.lineOf(start), windows.columnOf(start), windows.lineOf(end),
                        windows.columnOf(end), f.ruleId());
                count++;
            }
            before = text.length() <= overlap ? text : text.substring(text.length() - overlap);
            progress.update();
        }
        return count;
    }
}
