package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} is generated from the catalog, so it never drifts. Regenerate it with
 * {@code mvn -pl scrubber-core test -Dtest=RulesDocTest -Dscrubber.writeRulesDoc=true}.
 */
class RulesDocTest {
    @Test
    void rulesTableMatchesTheCatalog() throws IOException {
        Path doc = SelfScanTest.repositoryRoot().resolve("docs/rules.md");
        String expected = render();
        if (Boolean.getBoolean("scrubber.writeRulesDoc")) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/rules.md exists; regenerate with -Dscrubber.writeRulesDoc=true").exists();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/rules.md is stale; regenerate with -Dscrubber.writeRulesDoc=true").isEqualTo(expected);
    }

    static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Built-in rules\n\n")
                .append("Generated from the catalog by `RulesDocTest`; do not edit by hand. ")
                .append(Scrubber.builtInRules().size()).append(" rules. ")
                .append("Disable one with `disabledRules`, keep a subset with `enabledRules`.\n\n")
                .append("Token rules are matched right after their literal prefix and never inside a longer run of their ")
                .append("own alphabet; context rules need their keyword (ASCII case-insensitive) within the stated ")
                .append("distance; assignment rules mask only the value.\n\n")
                .append("Checksums confirm rather than gate: a token with a distinctive prefix whose checksum fails is ")
                .append("still masked, under its rule's `-unverified` twin; the Validation column says where a checksum ")
                .append("gates instead (only where the shape alone is common in benign text). A prefixed token cut ")
                .append("short (at the end of the text or line, a wire-log `[\\r][\\n]`, a closing quote or an ")
                .append("ellipsis) is masked once the stated number of random-looking characters follows the prefix. ")
                .append("A body that is one repeated character or says `your…` / `…here` is a placeholder and ")
                .append("stays; so does a short lower-case prefix inside a file name (`name.ico-….png`).\n\n")
                .append("Where a format was checked against a public scanner, the description names it: GL = gitleaks' ")
                .append("default config, TH = trufflehog's detectors, KH = keyhog, MS = microsoft/security-utilities; ")
                .append("otherwise it names the provider's documentation or SDK.\n\n")
                .append("| # | Id | Detects | Anchors | Validation |\n|---|---|---|---|---|\n");
        int i = 1;
        for (RuleInfo r : Scrubber.builtInRules()) {
            sb.append("| ").append(i++).append(" | `").append(r.id()).append("` | ").append(escape(r.description()))
                    .append(" | ").append(anchors(r)).append(" | ").append(escape(r.validation())).append(" |\n");
        }
        sb.append("\nAlso always active: `known-secret` (registered values and, unless disabled, secret-looking ")
                .append("environment variables, with their base64 and URL-encoded forms) and `sensitive-key` ")
                .append("(whole values of MDC entries, key-value pairs and fields whose key is sensitive).\n");
        return sb.toString();
    }

    private static String anchors(RuleInfo r) {
        return String.join(", ", r.anchors().stream().map(a -> "`" + escape(a) + "`").toList());
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
