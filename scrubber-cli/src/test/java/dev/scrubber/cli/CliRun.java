package dev.scrubber.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The outcome of one run of the CLI through its entry point, with captured streams. */
record CliRun(int status, String out, String err) {
    static CliRun run(String... args) {
        return runWithInput(new byte[0], args);
    }

    static CliRun runWithInput(byte[] stdin, String... args) {
        return runWithInput(new ByteArrayInputStream(stdin), args);
    }

    static CliRun runWithInput(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScrubberCli.run(args, new CliStreams(stdin, out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false));
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
