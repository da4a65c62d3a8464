package dev.scrubber.cli;

import dev.scrubber.core.LineReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scrubber scrub}: writes the input with every secret masked, to stdout, a file, or back in place. */
@Command(name = "scrub", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes FILEs (or standard input) with every secret masked.",
            "Gzip input is read transparently; private-key blocks split across lines are masked whole."})
final class ScrubCommand implements Callable<Integer> {
    @Mixin
    ScrubberOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write to OUT instead of standard output (gzip when OUT ends in .gz); replaced atomically.")
    Path output;

    @Option(names = {"-i", "--in-place"},
            description = "Replace each FILE by its scrubbed version (atomically; gzip stays gzip; untouched if clean).")
    boolean inPlace;

    @Option(names = "--charset", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Encoding of the input, ASCII-compatible (default UTF-8). Clean lines are copied byte for"
                    + " byte; only lines with secrets are re-encoded.")
    String charsetName;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Parameters(paramLabel = "FILE", description = "Log files, plain or gzip; '-' or none for standard input.")
    List<String> files = new ArrayList<>();

    private final CliStreams io;

    ScrubCommand(CliStreams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        Charset charset = Charsets.parse(charsetName);
        List<String> inputs = files.isEmpty() ? List.of(Inputs.STDIN) : files;
        if (inPlace && output != null) {
            throw new UserError("--in-place and --output cannot be used together");
        }
        if (inPlace && (files.isEmpty() || files.contains(Inputs.STDIN))) {
            throw new UserError("--in-place needs FILE arguments (standard input cannot be replaced)");
        }
        TextScrubber scrubber = new TextScrubber(options.build(), charset);
        if (inPlace) {
            for (String file : inputs) {
                rewrite(scrubber, file, charset);
            }
        } else if (output != null) {
            refuseInputAsOutput(inputs);
            try (AtomicFile target = new AtomicFile(output)) {
                OutputStream stream = target.stream();
                if (output.getFileName().toString().endsWith(".gz")) {
                    stream = new GZIPOutputStream(stream, Inputs.BLOCK);
                }
                try (OutputStream out = new BufferedOutputStream(stream, Inputs.BLOCK)) {
                    for (String file : inputs) {
                        scrub(scrubber, file, charset, out);
                    }
                }
                target.commit();
            }
        } else {
            OutputStream out = new BufferedOutputStream(new StandardOutput(io.out()), Inputs.BLOCK);
            for (String file : inputs) {
                scrub(scrubber, file, charset, out);
            }
            out.flush();
        }
        return ScrubberCli.OK;
    }

    private long scrub(TextScrubber scrubber, String file, Charset charset, OutputStream out) {
        Path path = Inputs.STDIN.equals(file) ? null : Path.of(file);
        try (Inputs.OpenInput in = Inputs.open(file, path, io.in())) {
            Progress progress = Progress.of(io, quiet, file, in.size(), in.counter()::count);
            try {
                return scrubber.scrub(file, new LineWindows(new LineReader(in.stream()), charset), out, progress);
            } finally {
                progress.finish();
            }
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private void rewrite(TextScrubber scrubber, String file, Charset charset) {
        Path path;
        try {
            path = Path.of(file).toRealPath();
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        try (Inputs.OpenInput in = Inputs.open(file, path, io.in()); AtomicFile target = new AtomicFile(path)) {
            OutputStream stream = in.gzip() ? new GZIPOutputStream(target.stream(), Inputs.BLOCK) : target.stream();
            long changed;
            Progress progress = Progress.of(io, quiet, file, in.size(), in.counter()::count);
            try (OutputStream out = new BufferedOutputStream(stream, Inputs.BLOCK)) {
                changed = scrubber.scrub(file, new LineWindows(new LineReader(in.stream()), charset), out, progress);
            } finally {
                progress.finish();
            }
            if (changed > 0) {
                target.commit(); // a clean file is left as it was, modification time included
            }
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    private void refuseInputAsOutput(List<String> inputs) throws IOException {
        if (!Files.exists(output)) {
            return;
        }
        for (String file : inputs) {
            if (!Inputs.STDIN.equals(file) && Files.exists(Path.of(file)) && Files.isSameFile(Path.of(file), output)) {
                throw new UserError(file + ": is also the output; use --in-place to replace it");
            }
        }
    }
}
