package dev.scrubber.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Where a command reads and writes: the process streams in production, captured streams in tests.
 *
 * @param terminal whether {@code err} is an interactive terminal (progress bars are drawn only then)
 */
record CliStreams(InputStream in, OutputStream out, PrintStream err, boolean terminal) {
}
