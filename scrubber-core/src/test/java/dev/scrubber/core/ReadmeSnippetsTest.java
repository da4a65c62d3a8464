package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every configuration snippet in README.md is one of the snippets in docs/logback.md, docs/log4j2.md,
 * docs/spring-boot.md or docs/aws.md, which the modules' tests load or check; so no README snippet can drift from a
 * tested one.
 */
class ReadmeSnippetsTest {
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeXmlSnippetsAreTestedDocSnippets() throws IOException {
        Path root = SelfScanTest.repositoryRoot();
        List<String> readme = xmlBlocks(root.resolve("README.md"));
        List<String> tested = new ArrayList<>(xmlBlocks(root.resolve("docs/logback.md")));
        tested.addAll(xmlBlocks(root.resolve("docs/log4j2.md")));
        tested.addAll(xmlBlocks(root.resolve("docs/spring-boot.md")));
        tested.addAll(xmlBlocks(root.resolve("docs/aws.md")));
        assertThat(readme).as("README has a Logback and a Log4j2 snippet").hasSizeGreaterThanOrEqualTo(2);
        assertThat(tested).containsAll(readme);
    }

    @Test
    void readmeDocumentsEverySharedOption() throws IOException {
        String readme = Files.readString(SelfScanTest.repositoryRoot().resolve("README.md"), StandardCharsets.UTF_8);
        for (java.lang.reflect.Method m : ScrubberSettings.class.getDeclaredMethods()) {
            String name = m.getName();
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && name.startsWith("set")) {
                String option = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                assertThat(readme).as("README documents option " + option).contains("`" + option + "`");
            }
        }
    }

    private static List<String> xmlBlocks(Path file) throws IOException {
        Matcher m = XML_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
