package dev.scrubber.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What every task of a {@link ScrubLogs} run needs: the engine options, the input format, and where and how the
 * scrubbed copies go. Output paths mirror the input: {@code --input s3a://b/logs --output s3a://b/clean} writes
 * {@code logs/2026/11/export-000.gz} to {@code clean/2026/11/export-000.gz}.
 */
record JobSpec(EngineOptions engine, Format format, String outputRoot, Compression compression,
        List<String> inputRoots) implements Serializable {

    enum Format { TEXT, JSON }

    /** {@code same}: write gzip (or bzip2, zstd …) where the input was; {@code none}: always plain text. */
    enum Compression { SAME, NONE }

    /** The file's path relative to the input it was found under (its name when the input named it). */
    String relativePath(String file) {
        for (String root : inputRoots) {
            if (file.equals(root)) {
                return name(file);
            }
            String dir = root.endsWith("/") ? root : root + "/";
            if (file.startsWith(dir)) {
                return file.substring(dir.length());
            }
        }
        return name(file);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
