package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mounted secret files laid out as Kubernetes mounts a secret volume: the real files in a {@code ..<timestamp>}
 * directory, a {@code ..data} symlink to it, and one visible symlink per key through {@code ..data}. A rotation
 * writes a new timestamped directory and swaps {@code ..data} atomically.
 */
class SecretFilesTest {
    private final FakeSecrets fake = new FakeSecrets(1401);
    @TempDir
    Path mount;

    @Test
    void everyKeyOfAKubernetesSecretVolumeIsMaskedBareAndAfterARotationOldAndNewAre() throws Exception {
        String oldPassword = fake.password();
        String apiKey = fake.password();
        kubernetesWrite("..2026_01_01_00_00_00.000000001", oldPassword, apiKey);
        Scrubber scrubber = settingsWithFiles(mount).build(null);

        assertThat(scrubber.scrub("connecting as orders with " + oldPassword + " to db"))
                .isEqualTo("connecting as orders with [REDACTED:known-secret] to db");
        assertThat(scrubber.scrub("key " + apiKey)).isEqualTo("key [REDACTED:known-secret]");
        assertThat(scrubber.scrub("user orders")).as("a short non-secret key of the volume").isEqualTo("user orders");

        String newPassword = fake.password();
        kubernetesWrite("..2026_02_01_00_00_00.000000002", newPassword, apiKey);
        // The component's watcher runs every few seconds on the shared daemon thread; a test watcher polls faster.
        SecretFiles fast = new SecretFiles(mount, value -> Scrubber.addGlobalKnownSecret(value));
        SecretFiles.schedule(fast, 50);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (scrubber.scrub(newPassword).equals(newPassword) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(scrubber.scrub("rotated " + newPassword)).isEqualTo("rotated [REDACTED:known-secret]");
        assertThat(scrubber.scrub("still " + oldPassword)).as("the old value stays masked").isEqualTo(
                "still [REDACTED:known-secret]");
    }

    @Test
    void aRotationIsSeenOnlyWhenAFileChangedAndIsReadOffTheLoggingThread() throws Exception {
        kubernetesWrite("..2026_01_01_00_00_00.000000001", fake.password(), fake.password());
        List<String> values = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        SecretFiles files = new SecretFiles(mount, v -> {
            values.add(v);
            threads.add(Thread.currentThread().getName());
        });
        files.poll();
        assertThat(values).hasSize(2);
        files.poll();
        assertThat(values).as("nothing changed, nothing re-read").hasSize(2);

        String rotated = fake.password();
        kubernetesWrite("..2026_03_01_00_00_00.000000003", rotated, null);
        values.clear();
        threads.clear();
        SecretFiles.schedule(files, 50);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!values.contains(rotated) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(values).contains(rotated);
        assertThat(threads).containsOnly("log-scrubber-secret-files");
    }

    @Test
    void dockerSecretsSingleFilesAndEnvFiles() throws IOException {
        Path docker = Files.createDirectory(mount.resolve("run-secrets"));
        String dbPassword = fake.password();
        Files.writeString(docker.resolve("db_password"), dbPassword + "\n");
        String token = fake.password();
        String other = fake.password();
        Path env = Files.writeString(mount.resolve("app.env"), """
                # rendered by the deploy job
                PORT=8080
                DEBUG=true
                export API_TOKEN="%s"
                OTHER_SECRET='%s'
                """.formatted(token, other));
        Scrubber scrubber = settingsWithFiles(docker, env).build(null);
        assertThat(scrubber.scrub(dbPassword + " " + token + " " + other))
                .isEqualTo("[REDACTED:known-secret] [REDACTED:known-secret] [REDACTED:known-secret]");
        assertThat(scrubber.scrub("listening on 8080, debug true")).isEqualTo("listening on 8080, debug true");
    }

    @Test
    void valuesOfAFile() {
        String p = fake.password();
        assertThat(SecretFiles.values("  " + p + "\n")).containsExactly(p);
        assertThat(SecretFiles.values("default")).as("too short to tell from a word").isEmpty();
        assertThat(SecretFiles.values("")).isEmpty();
        assertThat(SecretFiles.values("${DB_PASSWORD}")).isEmpty();
        assertThat(SecretFiles.values("NAME=" + p)).contains(p, "NAME=" + p);
        String base64ish = p + "=";
        assertThat(SecretFiles.values(base64ish)).as("a value ending in = is still whole").contains(base64ish);
        assertThat(SecretFiles.values("line one of a\nmulti-line secret")).containsExactly("line one of a\nmulti-line secret");
        assertThat(SecretFiles.values("x".repeat(SecretFiles.MAX_VALUE_CHARS) + "\ny")).isEmpty();
    }

    @Test
    void missingAndOversizedFilesAreSkippedNotFatal() throws IOException {
        Path big = Files.writeString(mount.resolve("bundle.pem"), "A".repeat((int) SecretFiles.MAX_FILE_BYTES + 1));
        Scrubber scrubber = settingsWithFiles(mount.resolve("not-mounted-yet"), big).build(null);
        assertThat(scrubber.scrub("clean text")).isEqualTo("clean text");
    }

    @Test
    void theGlobalRegistryRefusesOverlongValues() {
        String tooLong = "y".repeat(Scrubber.MAX_GLOBAL_SECRET_LENGTH + 1);
        assertThat(Scrubber.addGlobalKnownSecret(tooLong)).isFalse();
        assertThat(Scrubber.builder().knownSecretsFromEnvironment(false).build().scrub(tooLong)).isEqualTo(tooLong);
        String p = fake.password();
        assertThat(Scrubber.addGlobalKnownSecret(p)).isTrue();
        assertThat(Scrubber.addGlobalKnownSecret(p)).as("already known").isTrue();
    }

    private static ScrubberSettings settingsWithFiles(Path... paths) {
        ScrubberSettings settings = new ScrubberSettings();
        settings.setKnownSecretsFromEnvironment(false);
        StringBuilder csv = new StringBuilder();
        for (Path p : paths) {
            csv.append(csv.length() == 0 ? "" : ",").append(p);
        }
        settings.setKnownSecretFiles(csv.toString());
        return settings;
    }

    /** Writes the keys as Kubernetes does: a new timestamped directory, then an atomic swap of {@code ..data}. */
    private void kubernetesWrite(String timestampDir, String password, String apiKey) throws IOException {
        Path dir = Files.createDirectory(mount.resolve(timestampDir));
        Files.writeString(dir.resolve("password"), password, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("username"), "orders", StandardCharsets.UTF_8);
        if (apiKey != null) {
            Files.writeString(dir.resolve("api-key"), apiKey, StandardCharsets.UTF_8);
        }
        Path data = mount.resolve("..data");
        Path previous = Files.isSymbolicLink(data) ? mount.resolve(Files.readSymbolicLink(data)) : null;
        Path tmp = mount.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, Path.of(timestampDir));
        Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (previous != null) { // the kubelet removes the old generation after the swap
            try (var old = Files.list(previous)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(previous);
        }
        for (String key : new String[] {"password", "username", "api-key"}) {
            Path link = mount.resolve(key);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.exists(dir.resolve(key))) {
                Files.createSymbolicLink(link, Path.of("..data", key));
            }
        }
    }
}
