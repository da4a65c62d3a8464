package dev.scrubber.spark;

import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Finding;
import dev.scrubber.core.KeyBlocks;
import dev.scrubber.core.LineReader;
import dev.scrubber.core.Scrubber;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.input.PortableDataStream;

/**
 * Scrubs or scans one input file inside a task, start to end, as the CLI does: line by line, a private-key block
 * joined over its lines ({@link KeyBlocks}), clean lines copied byte for byte, and the scrubbed copy written next to
 * its mirror path. Reading a file whole in one task is what keeps line numbers exact and blocks intact; gzip files
 * cannot be split anyway.
 */
final class LogFile {
    /** File systems where an object appears only when its upload completes; a rename there would be a copy. */
    private static final Set<String> OBJECT_STORES = Set.of("s3", "s3a", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs",
            "oss", "cos");
    private static final int BINARY_SNIFF = 8192;
    private static final int BUFFER = 256 * 1024;
    /** Longest piece of a line scanned at once; longer lines come in pieces, so a task's memory stays bounded. */
    static final int MAX_LINE = 8 << 20;

    private final JobSpec spec;
    private final Scrubber scrubber;
    private final FileResult result;
    private final Map<FileResult.LineFindings, Integer> counts = new LinkedHashMap<>();
    private OutputStream out;
    private byte[] window = new byte[1024];
    private int windowLength;

    private LogFile(JobSpec spec, String path) {
        this.spec = spec;
        this.scrubber = spec.engine().scrubber();
        this.result = new FileResult(path);
    }

    /** Processes one file of {@code SparkContext.binaryFiles}; never throws: errors are in the result. */
    static FileResult process(String path, PortableDataStream stream, JobSpec spec) {
        LogFile file = new LogFile(spec, path);
        file.run(stream);
        return file.result;
    }

    private void run(PortableDataStream stream) {
        Configuration conf = stream.getConfiguration();
        Path path = new Path(result.path);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
        Path target = null;
        Path temp = null;
        FileSystem fs = null;
        try (InputStream raw = new BufferedInputStream(stream.open(), BUFFER)) {
            // Gzip by content, whatever the name (the JDK's inflater with a large buffer is several times faster than
            // Hadoop's built-in gzip codec); other codecs (bzip2, zstd …) by extension, through Hadoop.
            // A ".gz" file that is not gzip is read as plain text, as the CLI does.
            boolean gzip = isGzip(raw);
            boolean otherCodec = codec != null && !(codec instanceof GzipCodec);
            InputStream decoded = gzip ? new GZIPInputStream(raw, BUFFER)
                    : otherCodec ? codec.createInputStream(raw) : raw;
            InputStream in = new BufferedInputStream(decoded, BUFFER);
            if (isBinary(in)) {
                result.skipped = "binary input (NUL bytes in the first 8 KiB)";
                return;
            }
            if (spec.outputRoot() != null) {
                target = outputPath(codec);
                fs = target.getFileSystem(conf);
                if (fs instanceof ChecksumFileSystem checksummed) {
                    fs = checksummed.getRawFileSystem(); // no .crc files beside the copies
                }
                temp = OBJECT_STORES.contains(String.valueOf(fs.getUri().getScheme()))
                        ? target : new Path(target.getParent(), "." + target.getName() + ".scrubbing");
                OutputStream os = fs.create(temp, true);
                if (spec.compression() == JobSpec.Compression.SAME && gzip) {
                    os = new GZIPOutputStream(os, BUFFER);
                } else if (spec.compression() == JobSpec.Compression.SAME && otherCodec) {
                    os = codec.createOutputStream(os);
                }
                out = new BufferedOutputStream(os, BUFFER);
            }
            readWindows(new LineReader(in, MAX_LINE));
            if (out != null) {
                out.close();
                out = null;
                if (!temp.equals(target)) {
                    fs.delete(target, false);
                    if (!fs.rename(temp, target)) {
                        throw new IOException("could not rename " + temp + " to " + target);
                    }
                }
            }
            counts.forEach((k, n) -> result.findings.add(new FileResult.LineFindings(k.line(), k.rule(), n)));
        } catch (IOException | RuntimeException e) {
            result.error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            result.findings.clear();
            discard(fs, temp);
        }
    }

    private Path outputPath(CompressionCodec codec) {
        String relative = spec.relativePath(result.path);
        if (spec.compression() == JobSpec.Compression.NONE && codec != null
                && relative.endsWith(codec.getDefaultExtension())) {
            relative = relative.substring(0, relative.length() - codec.getDefaultExtension().length());
        }
        return new Path(spec.outputRoot(), relative);
    }

    private void discard(FileSystem fs, Path temp) {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // the partial copy is deleted below
        }
        try {
            if (fs != null && temp != null) {
                fs.delete(temp, false);
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing more to do; the error is reported
        }
    }

    private void readWindows(LineReader lines) throws IOException {
        while (lines.next()) {
            windowLength = 0;
            append(lines.data(), lines.length());
            long first = lines.lineNumber();
            String text = decode(window, windowLength);
            if (spec.format() == JobSpec.Format.JSON) {
                json(text, first);
                continue;
            }
            String end = KeyBlocks.endMarker(text);
            if (end != null) {
                for (int n = 1; n < KeyBlocks.MAX_LINES && windowLength < KeyBlocks.MAX_BYTES && lines.next(); n++) {
                    append(lines.data(), lines.length());
                    if (decode(lines.data(), lines.length()).contains(end)) {
                        break;
                    }
                }
                text = decode(window, windowLength);
            }
            text(text, first, lines.lineNumber() - first + 1);
        }
        result.lines = lines.lineNumber();
    }

    /** Scrubs a window as text: one line, or the lines of a private-key block. */
    private void text(String text, long first, long lineCount) throws IOException {
        List<Finding> found;
        String scrubbed;
        try {
            found = scrubber.find(text);
            scrubbed = found.isEmpty() ? text : scrubber.scrub(text);
        } catch (RuntimeException e) {
            failed(text, lineCount);
            return;
        }
        for (Finding f : found) {
            count(lineOf(text, f.start(), first), f.ruleId());
        }
        if (scrubbed == text) {
            write(window, windowLength);
        } else {
            write(keepLineCount(text, scrubbed));
            result.changedLines += lineCount;
        }
    }

    /** Scrubs one JSON-lines record; a line that is not one JSON value is scrubbed as text. */
    private void json(String line, long number) throws IOException {
        int bodyEnd = line.endsWith("\r\n") ? line.length() - 2 : line.endsWith("\n") ? line.length() - 1 : line.length();
        String body = line.substring(0, bodyEnd);
        List<String> rules = new ArrayList<>();
        String scrubbed;
        try {
            scrubbed = JsonLine.scrub(body, scrubber, (rule, at) -> rules.add(rule));
        } catch (IOException notJson) {
            result.notJsonLines++;
            text(line, number, 1);
            return;
        } catch (RuntimeException e) {
            failed(line, 1);
            return;
        }
        rules.forEach(rule -> count(number, rule));
        if (scrubbed == body) {
            write(window, windowLength);
        } else {
            write(scrubbed + line.substring(bodyEnd));
            result.changedLines++;
        }
    }

    /** Fail closed: every line of a window the engine could not handle becomes the placeholder. */
    private void failed(String text, long lineCount) throws IOException {
        StringBuilder sb = new StringBuilder();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(from, end);
            sb.append(FailPolicy.PLACEHOLDER_TEXT).append(line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "");
            from = end;
        }
        write(sb.toString());
        result.failedLines += lineCount;
    }

    /**
     * Keeps one output line per input line: a masked key block becomes one mask, so the lines it spanned are
     * written back as empty lines after it (line numbers of the copy match the original and the findings).
     */
    static String keepLineCount(String text, String scrubbed) {
        int missing = count(text, '\n') - count(scrubbed, '\n');
        if (missing <= 0) {
            return scrubbed;
        }
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        int at = scrubbed.endsWith(eol) ? scrubbed.length() - eol.length() : scrubbed.length();
        return scrubbed.substring(0, at) + eol.repeat(missing) + scrubbed.substring(at);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    private static long lineOf(String text, int index, long first) {
        long line = first;
        for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    private void count(long line, String rule) {
        counts.merge(new FileResult.LineFindings(line, rule, 0), 1, Integer::sum);
    }

    private void append(byte[] b, int length) {
        if (windowLength + length > window.length) {
            window = java.util.Arrays.copyOf(window, Math.max(window.length * 2, windowLength + length));
        }
        System.arraycopy(b, 0, window, windowLength, length);
        windowLength += length;
    }

    private void write(byte[] b, int length) throws IOException {
        if (out != null) {
            out.write(b, 0, length);
        }
    }

    private void write(String s) throws IOException {
        if (out != null) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String decode(byte[] b, int length) {
        return new String(b, 0, length, StandardCharsets.UTF_8);
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static boolean isBinary(InputStream in) throws IOException {
        in.mark(BINARY_SNIFF);
        byte[] head = in.readNBytes(BINARY_SNIFF);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
