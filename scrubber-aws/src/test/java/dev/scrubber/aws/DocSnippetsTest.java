package dev.scrubber.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/aws.md's snippets are what this module is: its coordinates and the interceptor file a shade must merge. */
class DocSnippetsTest {
    private static final Path DOC = Path.of("../docs/aws.md");

    @Test
    void theDependencySnippetNamesThisModule() throws IOException {
        String doc = Files.readString(DOC);
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(parent.find()).isTrue();
        assertThat(doc).contains("<groupId>dev.scrubber</groupId>\n  <artifactId>scrubber-aws</artifactId>\n  <version>"
                + parent.group(1) + "</version>");
    }

    @Test
    void theShadeSnippetNamesTheFileThatRegistersTheInterceptor() throws IOException {
        Matcher m = Pattern.compile("<resource>([^<]+)</resource>").matcher(Files.readString(DOC));
        assertThat(m.find()).isTrue();
        Path file = Path.of("src/main/resources").resolve(m.group(1));
        assertThat(Files.readAllLines(file)).containsExactly(KnownSecretsInterceptor.class.getName());
    }
}
