package dev.scrubber.cli;

import dev.scrubber.core.BenignLogs;
import dev.scrubber.core.FakeSecrets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Builds log files for the tests at run time: benign lines with fake secrets (never committed) among them. */
final class LogFiles {
    final FakeSecrets fakes = new FakeSecrets(42);
    final BenignLogs benign = new BenignLogs(42);
    final List<String> secrets = new ArrayList<>();

    /** A small log: benign lines, an OpenAI key, a database URL with password, a PEM key split over lines. */
    String dirtyLog() {
        StringBuilder sb = new StringBuilder();
        for (String line : benign.lines(20)) {
            sb.append(line).append('\n');
        }
        String key = fakes.openAiProjectKey();
        secrets.add(key);
        sb.append("2026-11-27T10:00:00Z INFO c.e.Llm - calling provider with key ").append(key).append('\n');
        FakeSecrets.Sample db = fakes.sample("uri-password");
        secrets.add(db.secret());
        sb.append("2026-11-27T10:00:01Z INFO c.e.Db - connecting to ").append(db.text()).append('\n');
        sb.append(pemLine()).append('\n');
        for (String line : benign.lines(5)) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** A log line that dumps a PEM private key, whose body continues over the following physical lines. */
    String pemLine() {
        FakeSecrets.Sample pem = fakes.sample("private-key");
        secrets.addAll(pem.pieces());
        return "2026-11-27T10:00:02Z ERROR c.e.Tls - bad key material: " + pem.text();
    }

    static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Path writeGzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
