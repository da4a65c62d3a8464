package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.BenignLogs;
import dev.scrubber.core.FakeSecrets;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code --[no-]learn-secrets} and {@code --learned-secrets-limit}: a password masked under its name is learned,
 * and its bare copy on a later line (read more than the 100 ms a learned value takes to apply later) is masked
 * too, unless learning is off.
 */
class LearnSecretsOptionTest {
    private final FakeSecrets fake = new FakeSecrets(75);
    private final String password = fake.password();

    @Test
    void aLearnedPasswordIsMaskedBareOnALaterLine() {
        CliRun run = CliRun.runWithInput(input(), "scrub", "--no-known-secrets-from-environment");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain(password).endsWith("retrying with [REDACTED:learned-secret]\n");
    }

    @Test
    void withoutLearningTheBareCopyIsLeftAsItIs() {
        CliRun run = CliRun.runWithInput(input(), "scrub", "--no-known-secrets-from-environment", "--no-learn-secrets");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("retrying with " + password + "\n")
                .contains("[REDACTED:uri-password]@db.internal");
    }

    @Test
    void aNegativeLimitIsAUserError() {
        CliRun run = CliRun.runWithInput(input(), "scrub", "--learned-secrets-limit=-1");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("scrubber: ").contains("learnedSecretsLimit").doesNotContain("\tat ");
    }

    /**
     * The URI line and enough clean lines to pass the binary probe, then, after a pause longer than the engine's
     * learning interval, the bare copy.
     */
    private InputStream input() {
        StringBuilder first = new StringBuilder("2026-11-27T10:00:01Z INFO c.e.Db - connecting to postgres://app:")
                .append(password).append("@db.internal:5432/orders\n");
        for (String line : new BenignLogs(75).lines(400)) {
            first.append(line).append('\n');
        }
        byte[] head = first.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("2026-11-27T10:00:02Z WARN c.e.Db - retrying with " + password + "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(head.length).isGreaterThan(Inputs.BINARY_PROBE);
        return new PausingInput(head, tail, 150);
    }

    /** Hands out {@code head}, then waits {@code pauseMillis} before handing out {@code tail}, like a slow pipe. */
    private static final class PausingInput extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final long pauseMillis;
        private int pos;
        private boolean paused;

        PausingInput(byte[] head, byte[] tail, long pauseMillis) {
            this.head = head;
            this.tail = tail;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos < head.length) {
                int n = Math.min(len, head.length - pos);
                System.arraycopy(head, pos, b, off, n);
                pos += n;
                return n;
            }
            if (!paused) {
                paused = true;
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int at = pos - head.length;
            if (at >= tail.length) {
                return -1;
            }
            int n = Math.min(len, tail.length - at);
            System.arraycopy(tail, at, b, off, n);
            pos += n;
            return n;
        }
    }
}
