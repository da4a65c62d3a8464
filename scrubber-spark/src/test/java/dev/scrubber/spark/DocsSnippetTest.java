package dev.scrubber.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The {@code spark-defaults.conf} snippet of docs/spark.md, loaded as Spark settings and applied to a session. */
class DocsSnippetTest {
    private static final Pattern PROPERTIES = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL);

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("docs/spark.md"))) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void theDocumentedSettingsConfigureTheFunctions() throws IOException {
        Matcher m = PROPERTIES.matcher(Files.readString(repositoryRoot().resolve("docs/spark.md")));
        assertThat(m.find()).as("docs/spark.md has a properties snippet").isTrue();
        Properties settings = new Properties();
        settings.load(new StringReader(m.group(1)));
        assertThat(settings.getProperty("spark.sql.extensions")).isEqualTo(ScrubberExtensions.class.getName());

        SparkSession session = SharedSpark.get().newSession();
        settings.stringPropertyNames().stream().filter(k -> k.startsWith(EngineOptions.PREFIX))
                .forEach(k -> session.conf().set(k, settings.getProperty(k)));
        FakeSecrets fakes = new FakeSecrets(5);
        String jwt = fakes.jwt();
        String acme = "acme_" + "0a1b2c3d".repeat(4);
        String line = "jwt=" + jwt + " custom " + acme + " bearer " + fakes.openAiProjectKey();
        String scrubbed = session.sql("SELECT scrub('" + line + "')").first().getString(0);
        assertThat(scrubbed).isEqualTo("jwt=" + jwt + " custom [REDACTED] bearer [REDACTED]");
    }
}
