package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.config.plugins.util.PluginManager;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.junit.jupiter.api.Test;

/** The plugins are found through the generated Log4j2Plugins.dat alone: no configuration uses packages="...". */
class PluginDiscoveryTest {

    @Test
    void pluginsAreRegisteredInTheGeneratedDescriptor() {
        PluginManager core = new PluginManager("Core");
        core.collectPlugins();
        assertThat(core.getPluginType("scrubbingpolicy").getPluginClass()).isEqualTo(ScrubbingPolicy.class);
        assertThat(core.getPluginType("scrubbinglayout").getPluginClass()).isEqualTo(ScrubbingLayout.class);
        assertThat(core.getPluginType("rule").getPluginClass()).isEqualTo(ScrubRule.class);
        PluginManager converters = new PluginManager(PatternConverter.CATEGORY);
        converters.collectPlugins();
        assertThat(converters.getPluginType("scrubpatternconverter").getPluginClass())
                .isEqualTo(ScrubPatternConverter.class);
        assertThat(Path.of("target", "classes", "META-INF", "org", "apache", "logging", "log4j", "core", "config",
                "plugins", "Log4j2Plugins.dat")).isRegularFile();
    }

    @Test
    void noTestConfigurationNeedsAPackagesAttribute() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources"))) {
            List<Path> xml = files.filter(p -> p.toString().endsWith(".xml")).toList();
            assertThat(xml).hasSizeGreaterThan(5);
            for (Path p : xml) {
                assertThat(Files.readString(p, StandardCharsets.UTF_8)).as(p.toString()).doesNotContain("packages=");
            }
        }
    }
}
