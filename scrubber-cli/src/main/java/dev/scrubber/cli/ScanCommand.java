package dev.scrubber.cli;

import dev.scrubber.core.LineReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scrubber scan}: reports where secrets are ({@code path:line:column rule-id}), never the secrets. Exit
 * status 1 when anything was found, 0 when clean, 2 on error, so it can gate a CI job.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reports the position and rule of every secret in FILEs, DIRs (recursively) or standard input.",
            "Exit status: 0 clean, 1 secrets found, 2 error."})
final class ScanCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { TEXT, JSON, SARIF }

    @Mixin
    ScrubberOptions options;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (path:line:column rule-id), json or sarif (SARIF 2.1.0). Default: text.")
    Format format;

    @Option(names = "--charset", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Encoding of the input (default UTF-8).")
    String charsetName;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Parameters(paramLabel = "FILE|DIR",
            description = "Files (plain or gzip) or directories; '-' or none for standard input. In directories,"
                    + " binary files and .git are skipped.")
    List<String> targets = new ArrayList<>();

    private final CliStreams io;
    private boolean failed;

    ScanCommand(CliStreams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        Charset charset = Charsets.parse(charsetName);
        TextScanner scanner = new TextScanner(options.build());
        Writer out = new OutputStreamWriter(new StandardOutput(io.out()), StandardCharsets.UTF_8);
        FindingReport report = switch (format) {
            case TEXT -> new TextReport(out);
            case JSON -> new JsonReport(out);
            case SARIF -> new SarifReport(out);
        };
        long found = 0;
        for (String target : targets.isEmpty() ? List.of(Inputs.STDIN) : targets) {
            Path path = Inputs.STDIN.equals(target) ? null : Path.of(target);
            if (path != null && Files.isDirectory(path)) {
                for (Path file : filesUnder(path)) {
                    found += scan(scanner, file.toString(), file, charset, report, true);
                }
            } else {
                found += scan(scanner, target, path, charset, report, false);
            }
        }
        report.finish();
        return failed ? ScrubberCli.ERROR : found > 0 ? ScrubberCli.FOUND : ScrubberCli.OK;
    }

    private long scan(TextScanner scanner, String name, Path path, Charset charset, FindingReport report,
            boolean skipBinary) {
        try (Inputs.OpenInput in = Inputs.open(name, path, io.in())) {
            Progress progress = Progress.of(io, quiet, name, in.size(), in.counter()::count);
            try {
                return scanner.scan(name, new LineWindows(new LineReader(in.stream()), charset), report, progress);
            } finally {
                progress.finish();
            }
        } catch (BinaryInputError e) {
            if (!skipBinary) {
                error(e.getMessage());
            }
        } catch (UserError e) {
            error(e.getMessage());
        } catch (IOException e) {
            error(name + ": " + e.getMessage());
        }
        return 0;
    }

    /** Every regular file under {@code dir} in a stable order, without following links or entering .git. */
    private List<Path> filesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !isInGitDirectory(dir, p)).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            error(dir + ": cannot list (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private static boolean isInGitDirectory(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().equals(".git")) {
                return true;
            }
        }
        return false;
    }

    /** Reports an error and goes on with the next input; the exit status will be 2. */
    private void error(String message) {
        failed = true;
        io.err().println("scrubber: " + message);
    }
}
