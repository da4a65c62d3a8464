package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ScrubberSettings#apply} (options as name-value pairs) and {@link KeyBlocks}. */
class ScrubberSettingsApplyTest {
    private final FakeSecrets fakes = new FakeSecrets(11);

    @Test
    void optionsByNameIncludingCustomRules() {
        Scrubber s = new ScrubberSettings().apply(Map.of(
                "maskStyle", "full",
                "disabledRules", "jwt",
                "knownSecretsFromEnvironment", "false",
                "rule.acme-key", "acme_([a-z0-9]{12})",
                "rule.acme-key.keywords", "acme_")).build(null);
        String jwt = fakes.jwt();
        assertThat(s.scrub("t=" + jwt)).isEqualTo("t=" + jwt);
        assertThat(s.scrub("key " + fakes.githubPat())).isEqualTo("key [REDACTED]");
        assertThat(s.find("id acme_" + "k3y9".repeat(3))).extracting(Finding::ruleId).containsExactly("acme-key");
    }

    @Test
    void unknownNamesAndBadValuesAreNamed() {
        assertThatThrownBy(() -> new ScrubberSettings().apply(Map.of("maskstyle", "full")))
                .hasMessageContaining("unknown option 'maskstyle'").hasMessageContaining("maskStyle");
        assertThatThrownBy(() -> new ScrubberSettings().apply(Map.of("knownSecretsFromEnvironment", "yes")))
                .hasMessageContaining("expected true or false");
        assertThatThrownBy(() -> new ScrubberSettings().apply(Map.of("rule.x.keywords", "a")))
                .hasMessageContaining("without rule.x");
    }

    @Test
    void keyBlocksTellWhereAPrivateKeyContinuesOnLaterLines() {
        String pem = fakes.sample("private-key").text();
        String firstLine = "08:15 key: " + pem.substring(0, pem.indexOf('\n'));
        assertThat(KeyBlocks.endMarker(firstLine)).isEqualTo("-----END ");
        assertThat(KeyBlocks.endMarker(pem)).isNull(); // closed within the text
        String putty = fakes.sample("putty-private-key").text();
        assertThat(KeyBlocks.endMarker(putty.substring(0, putty.indexOf('\n')))).isEqualTo("Private-MAC:");
        assertThat(KeyBlocks.endMarker("-----BEGIN CERTIFICATE-----")).isNull();
    }
}
