package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Our own scanner finds nothing in our own tree: no key-shaped literal is committed anywhere. */
class SelfScanTest {
    @Test
    void noSecretInAnyTrackedFile() throws IOException {
        Path root = repositoryRoot();
        Scrubber scrubber = Scrubber.builder().knownSecretsFromEnvironment(false).build();
        List<String> hits = new ArrayList<>();
        int scanned = 0;
        for (Path file : trackedFiles(root)) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException binary) {
                continue;
            }
            scanned++;
            for (Finding f : scrubber.find(text)) {
                hits.add(root.relativize(file) + ":" + line(text, f.start()) + " " + f.ruleId());
            }
        }
        assertThat(scanned).as("files scanned").isGreaterThan(20);
        assertThat(hits).isEmpty();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static Path repositoryRoot() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(".git")) && !Files.exists(p.resolve(".ci"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root above the working directory").isNotNull();
        return p;
    }

    /** Files git tracks, or, without git, every file outside build output and VCS metadata. */
    private static List<Path> trackedFiles(Path root) throws IOException {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile())
                    .redirectErrorStream(false).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (git.waitFor() == 0 && out.length > 0) {
                List<Path> files = new ArrayList<>();
                for (String name : new String(out, StandardCharsets.UTF_8).split("\u0000")) {
                    Path file = root.resolve(name);
                    if (!name.isEmpty() && Files.isRegularFile(file)) {
                        files.add(file);
                    }
                }
                return files;
            }
        } catch (IOException | InterruptedException noGit) {
            // fall through to a directory walk
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/")).toList();
        }
    }
}
