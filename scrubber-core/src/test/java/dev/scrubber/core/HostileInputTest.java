package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input never throws, and the work stays linear in the input (counted in character reads, not timed). */
class HostileInputTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).build();
    private final FakeSecrets fakes = new FakeSecrets(99);

    @Test
    void nullAndEmpty() {
        assertThat(SCRUBBER.scrub((String) null)).isNull();
        assertThat(SCRUBBER.scrub("")).isEmpty();
        assertThat(SCRUBBER.find(null)).isEmpty();
        assertThat(SCRUBBER.scrubValue("password", null)).isNull();
        assertThat(SCRUBBER.scrub(null, 0, 0)).isZero();
        StringBuilder out = new StringBuilder();
        assertThat(SCRUBBER.scrubTo(null, out)).isFalse();
    }

    @Test
    void controlCharactersAndBrokenUnicodeAroundSecrets() {
        String key = fakes.githubPat();
        String hostile = "\u0000\uD800" + key + "\uDC00\u0007\u001b[31m\uFFFF\uD83D";
        String out = SCRUBBER.scrub(hostile);
        assertThat(out).isEqualTo("\u0000\uD800[REDACTED:github-pat]\uDC00\u0007\u001b[31m\uFFFF\uD83D");
        String nonLatin = "ключ " + key + " 鍵 \uD83D\uDD11";
        assertThat(SCRUBBER.scrub(nonLatin)).isEqualTo("ключ [REDACTED:github-pat] 鍵 \uD83D\uDD11");
    }

    @Test
    void tenMegabyteMessages() {
        StringBuilder sb = new StringBuilder(10 << 20);
        List<String> lines = new BenignLogs(3).lines(200);
        int i = 0;
        while (sb.length() < 10 << 20) {
            sb.append(lines.get(i++ % lines.size())).append('\n');
        }
        String clean = sb.toString();
        assertThat(SCRUBBER.scrub(clean)).isSameAs(clean);

        String key = fakes.openAiProjectKey();
        String dirty = clean + key + "\n" + clean.substring(0, 1000) + " " + key;
        String out = SCRUBBER.scrub(dirty);
        assertThat(out).doesNotContain(key);
        assertThat(out.length()).isEqualTo(dirty.length() - 2 * key.length() + 2 * "[REDACTED:openai-project-key]".length());
    }

    @Test
    void workIsLinearOnAdversarialInput() {
        int size = 1 << 20;
        String[] fragments = {"sk-", "sk-ant-", "AKIA12", "ghp_ab", "-----BEGIN RSA PRIVATE KEY-----", "eyJ", "://",
            "password=", "token: ", "Bearer ", "xoxb-1-", "AIza", "deepseek sk-", "Zm9vYmFy", "a".repeat(40)};
        StringBuilder sb = new StringBuilder(size);
        int i = 0;
        while (sb.length() < size) {
            sb.append(fragments[i++ % fragments.length]);
        }
        String adversarial = sb.toString();
        CountingText counted = new CountingText(adversarial);
        SCRUBBER.find(counted);
        // Each character is read by the scan once and by a bounded number of verifications.
        assertThat(counted.reads).as("reads per input char").isLessThan(40L * adversarial.length());

        String million = "sk-".repeat(1_000_000);
        CountingText anchors = new CountingText(million);
        assertThat(SCRUBBER.find(anchors)).isEmpty();
        assertThat(anchors.reads).isLessThan(20L * million.length());

        String longRun = "A".repeat(1 << 20);
        CountingText run = new CountingText(longRun);
        SCRUBBER.find(run);
        assertThat(run.reads).isLessThan(20L * longRun.length());
    }

    @Test
    void denseSecretsAreAllMasked() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(fakes.githubPat()).append(i % 2 == 0 ? ' ' : ',');
        }
        String out = SCRUBBER.scrub(sb.toString());
        assertThat(out).doesNotContain("ghp_");
        assertThat(SCRUBBER.find(sb)).hasSize(2000);
    }

    @Test
    void unterminatedStructuresAreMaskedToTheirEnd() {
        String body = fakes.sample("private-key").secret().replace("\n", "");
        String truncated = "key: -----BEGIN OPENSSH PRIVATE KEY-----\n" + body.substring(0, 100);
        assertThat(SCRUBBER.scrub(truncated)).isEqualTo("key: [REDACTED:private-key]");
        String quoted = "{\"" + "pass" + "word\": \"" + "unterminated value and more text";
        assertThat(SCRUBBER.scrub(quoted)).doesNotContain("unterminated");
    }

    /** Counts every character read, to measure work without timing. */
    static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
