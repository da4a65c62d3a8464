package dev.scrubber.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code scrubber} command line: {@code scrub} masks the secrets in log files that were written before a
 * scrubbing appender was installed, {@code scan} reports where they are. Exit status: 0 on success (for scan:
 * nothing found), 1 when scan found secrets, 2 on any error. User errors are one line on standard error, never a
 * stack trace.
 */
@Command(name = "scrubber", mixinStandardHelpOptions = true, versionProvider = ScrubberCli.Version.class,
        description = "Masks or finds credentials in existing log files (plain or gzip).")
public final class ScrubberCli implements Callable<Integer> {
    static final int OK = 0;
    static final int FOUND = 1;
    static final int ERROR = 2;

    @Spec
    CommandSpec spec;

    private ScrubberCli() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        // The raw descriptor, not System.out: a closed pipe (| head) then fails the write and stops the run.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.exit(run(args, new CliStreams(System.in, stdout, System.err, stderrIsTerminal())));
    }

    /**
     * Whether standard error is a terminal. On Linux the descriptor's link says so even when standard output is
     * redirected ({@code scrub big.log > clean.log}), where {@link System#console()} is null; elsewhere the console
     * decides.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | SecurityException e) {
            // fall back to the console check
        }
        return System.console() != null;
    }

    /** Runs the command line against the given streams and returns the exit status. */
    static int run(String[] args, CliStreams io) {
        CommandLine cli = new CommandLine(new ScrubberCli());
        cli.addSubcommand(new ScrubCommand(io));
        cli.addSubcommand(new ScanCommand(io));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("scrubber: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ERROR;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof StandardOutput.Closed) {
                return StandardOutput.CLOSED_STATUS;
            }
            c.getErr().println("scrubber: " + describe(e));
            return ERROR;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("scrubber: a command is required (scrub or scan)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ERROR;
    }

    /** One line for any failure; only an unexpected one names its exception class. */
    static String describe(Exception e) {
        if (e instanceof UserError) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            return "I/O error: " + u.getCause().getMessage();
        }
        if (e instanceof java.io.IOException) {
            return "I/O error: " + e.getMessage();
        }
        return "internal error: " + e.getClass().getName() + ": " + e.getMessage();
    }

    static String version() {
        String v = ScrubberCli.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** The version from the jar manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scrubber " + version()};
        }
    }
}
