package dev.scrubber.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Mounted secret files as known secrets (option {@code knownSecretFiles}): Kubernetes secret volumes, Docker
 * {@code /run/secrets}, a single file. Each regular file's trimmed content becomes a known secret; a small
 * {@code .env}-style file (every line {@code NAME=value}) contributes each value instead. Values go to
 * {@link Scrubber#addGlobalKnownSecret}, so every scrubber in the JVM masks them and a rotated value never
 * replaces the old one (old values stay in retained logs, and rotations overlap).
 *
 * <p>The files are read once when a component starts, then checked for changes every few seconds by one shared
 * daemon thread, never on a logging thread. A change is seen through the attributes of the resolved file (file
 * key, size, modification time), which covers Kubernetes' rotation by swapping the {@code ..data} symlink. A path
 * that does not exist yet is watched until it appears.
 */
final class SecretFiles {
    /** How often the shared thread looks for changes. */
    static final long POLL_MILLIS = 5_000;
    /** Files larger than this are not secrets but something else mounted next to them; they are skipped. */
    static final long MAX_FILE_BYTES = 64 * 1024;
    /** Files read per watched directory, at most. */
    static final int MAX_FILES_PER_DIRECTORY = 256;
    /** A whole-file value longer than this is not registered (a certificate bundle, not a password). */
    static final int MAX_VALUE_CHARS = 4096;

    private static final Map<Path, SecretFiles> WATCHED = new ConcurrentHashMap<>();
    private static volatile ScheduledExecutorService poller;

    private final Path root;
    private final Consumer<String> sink;
    /** Resolved file attributes seen at the last read, per file path; only the polling thread writes it. */
    private final Map<Path, Object> seen = new HashMap<>();

    SecretFiles(Path root, Consumer<String> sink) {
        this.root = root;
        this.sink = sink;
    }

    /**
     * Reads each path now and watches it from then on (once per path in the JVM, however many components name
     * it). Called when a component starts, not while logging.
     */
    static void watch(List<String> paths) {
        for (String p : paths) {
            Path path = Path.of(p).toAbsolutePath().normalize();
            WATCHED.computeIfAbsent(path, key -> {
                SecretFiles files = new SecretFiles(key, SecretFiles::register);
                files.poll();
                schedule(files, POLL_MILLIS);
                return files;
            });
        }
    }

    private static void register(String value) {
        try {
            Scrubber.addGlobalKnownSecret(value);
        } catch (RuntimeException ignored) {
            // Too short or not ASCII at all: not a value the engine can match.
        }
    }

    static synchronized void schedule(SecretFiles files, long periodMillis) {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "log-scrubber-secret-files");
                t.setDaemon(true);
                return t;
            });
        }
        poller.scheduleWithFixedDelay(files::pollQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException | Error e) {
            // A failing poll must not end the shared thread's schedule; the next one retries.
        }
    }

    /** Reads every file that changed since the last poll and hands its values to the sink. */
    synchronized void poll() {
        if (Files.isDirectory(root)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                for (Path entry : entries) {
                    // Kubernetes keeps the real files in ..<timestamp>/ behind the ..data symlink; the visible
                    // names are symlinks through ..data, so reading those follows a rotation.
                    if (!entry.getFileName().toString().startsWith("..")) {
                        files.add(entry);
                    }
                    if (files.size() >= MAX_FILES_PER_DIRECTORY) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return;
            }
            for (Path file : files) {
                readIfChanged(file);
            }
        } else {
            readIfChanged(root);
        }
    }

    private void readIfChanged(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            return; // not there (yet), or unreadable
        }
        if (!attributes.isRegularFile() || attributes.size() > MAX_FILE_BYTES) {
            return;
        }
        List<Object> signature = List.of(Objects.toString(attributes.fileKey()), attributes.size(),
                attributes.lastModifiedTime());
        if (signature.equals(seen.get(file))) {
            return;
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return;
        }
        seen.put(file, signature);
        for (String value : values(text)) {
            sink.accept(value);
        }
    }

    /**
     * The secret values in a file's text: each value of a {@code .env}-style file, otherwise the trimmed content.
     * Values too short or too plain to be told apart from ordinary words are left out, as for environment
     * variables.
     */
    static List<String> values(String text) {
        String content = text.strip();
        List<String> out = new ArrayList<>();
        if (content.isEmpty()) {
            return out;
        }
        boolean multiLine = content.indexOf('\n') >= 0;
        List<String> envValues = envValues(content);
        if (envValues != null && multiLine) {
            for (String v : envValues) {
                if (KnownSecrets.isUsableValue(v)) {
                    out.add(v);
                }
            }
            return out;
        }
        if (envValues != null && KnownSecrets.isUsableValue(envValues.get(0))) {
            out.add(envValues.get(0)); // one NAME=value line; the whole line is added below too
        }
        if (content.length() <= MAX_VALUE_CHARS
                && (multiLine ? content.length() >= KnownSecrets.MIN_ENV_LENGTH : KnownSecrets.isUsableValue(content))) {
            out.add(content);
        }
        return out;
    }

    /** The values of a {@code .env}-style text, or null when some line is not {@code NAME=value}. */
    private static List<String> envValues(String content) {
        List<String> values = new ArrayList<>();
        for (String raw : content.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).stripLeading();
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || !isEnvName(line.substring(0, eq).strip())) {
                return null;
            }
            values.add(unquote(line.substring(eq + 1).strip()));
        }
        return values.isEmpty() ? null : values;
    }

    private static boolean isEnvName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        return name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'));
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
