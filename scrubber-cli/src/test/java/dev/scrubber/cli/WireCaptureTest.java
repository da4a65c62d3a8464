package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.SplitSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A captured wire log in which the provider's 401 body, and the key it echoes, arrived in several chunks: the lines
 * of one file are one stream, so every piece of the key is masked, and the other lines are kept as they were. Also a
 * line longer than the reader's 1 MiB limit with an {@code Authorization} header straddling the cut.
 */
class WireCaptureTest {
    @TempDir
    Path dir;

    private final FakeSecrets fake = new FakeSecrets(120);

    @Test
    void aKeySplitOverWireLinesIsMaskedInEveryLine() throws IOException {
        String key = fake.openAiProjectKey();
        List<String> lines = new ArrayList<>();
        String id = "http-outgoing-7";
        lines.add("2026-12-01 10:00:00,001 DEBUG [io-1] org.apache.hc.client5.http.wire - " + id
                + " << \"HTTP/1.1 401 Unauthorized[\\r][\\n]\"");
        // The body runs 40 to 250 characters: the last cut stays inside the key.
        List<String> chunks = SplitSecrets.cut(key, 40, 41, Math.min(90, key.length() - 5));
        for (int i = 0; i < chunks.size(); i++) {
            String payload = (i == 0 ? "{\"error\":{\"message\":\"Incorrect API key provided: " : "") + chunks.get(i)
                    + (i == chunks.size() - 1 ? "\"}}" : "");
            lines.add("2026-12-01 10:00:00,0" + (10 + i) + " DEBUG [io-1] org.apache.hc.client5.http.wire - " + id
                    + " << \"" + Integer.toHexString(payload.length()) + "[\\r][\\n]\"");
            lines.add("2026-12-01 10:00:00,0" + (10 + i) + " DEBUG [io-1] org.apache.hc.client5.http.wire - " + id
                    + " << \"" + payload + "[\\r][\\n]\"");
        }
        lines.add("2026-12-01 10:00:01,000 INFO  [main] com.example.Chat - request failed with 401");
        Path file = dir.resolve("wire.log");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.run("scrub", "--no-known-secrets-from-environment", file.toString());
        assertThat(run.status()).isZero();
        SplitSecrets.assertNothingSurvives("wire capture", run.out(), key, id);
        assertThat(run.out()).contains(lines.get(0)).contains(lines.get(lines.size() - 1))
                .contains("[REDACTED:openai-project-key]");
    }

    @Test
    void anAuthorizationHeaderStraddlingTheOneMibCutIsMasked() throws IOException {
        String token = fake.jwt();
        int limit = 1 << 20;
        String header = "Authorization: Bearer ";
        StringBuilder line = new StringBuilder();
        while (line.length() < limit - header.length() - 2) {
            line.append("field=value ");
        }
        line.setLength(limit - header.length() - 2);
        line.append(' ').append(header).append(token).append(" tail\n");
        Path file = dir.resolve("long.log");
        Files.writeString(file, line.toString(), StandardCharsets.UTF_8);

        CliRun run = CliRun.run("scrub", "--no-known-secrets-from-environment", file.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).doesNotContain(token.substring(0, 20)).doesNotContain(token.substring(token.length() - 20))
                .contains(header).endsWith(" tail\n");
        CliRun scan = CliRun.run("scan", "--no-known-secrets-from-environment", file.toString());
        assertThat(scan.status()).isEqualTo(1);
    }
}
