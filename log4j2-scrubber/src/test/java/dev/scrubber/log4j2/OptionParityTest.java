package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.ScrubberSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shared option ({@link ScrubberSettings#OPTION_NAMES}) can be given to each of the three plugins from XML:
 * an attribute of {@code <ScrubbingPolicy>} and {@code <ScrubbingLayout>}, a brace option of {@code %scrub}. An
 * option added to the core later fails here until every plugin takes it.
 */
class OptionParityTest {
    private static final String CONFIG = "every-option.xml";

    /**
     * The attributes in declaration order: {@link ScrubberOptions#ofAttributes} maps them to the option names by
     * position, so the order matters as much as the names.
     */
    @ParameterizedTest
    @ValueSource(classes = {ScrubbingPolicy.class, ScrubbingLayout.class})
    void theFactoryDeclaresEveryOptionAsAnAttributeInOrder(Class<?> plugin) {
        Method factory = Arrays.stream(plugin.getMethods()).filter(m -> m.isAnnotationPresent(PluginFactory.class))
                .findFirst().orElseThrow();
        List<String> attributes = new ArrayList<>();
        for (Parameter p : factory.getParameters()) {
            PluginAttribute a = p.getAnnotation(PluginAttribute.class);
            if (a != null) {
                attributes.add(a.value());
            }
        }
        assertThat(attributes).containsExactlyElementsOf(ScrubberSettings.OPTION_NAMES);
    }

    @Test
    void theConverterTakesEveryOptionByName() {
        ScrubberOptions options = new ScrubberOptions();
        for (String name : ScrubberSettings.OPTION_NAMES) {
            options.set(name, null);
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> options.set("learnsecrets", "true")))
                .hasMessageContaining("unknown option 'learnsecrets'");
    }

    @Test
    void theTestConfigurationGivesEveryOptionToEachPlugin() throws IOException {
        String xml;
        try (InputStream in = OptionParityTest.class.getResourceAsStream("/" + CONFIG)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : ScrubberSettings.OPTION_NAMES) {
            assertThat(count(xml, " " + name + "=\"")).as("%s on the policy and the layout", name).isEqualTo(2);
            assertThat(count(xml, "{" + name + "=")).as("{%s=} on %%scrub", name).isEqualTo(1);
        }
    }

    @Test
    void everyPluginStartsWithEveryOptionAndAppliesThem() {
        FakeSecrets fake = new FakeSecrets(73);
        String key = fake.openAiProjectKey();
        String jwt = fake.jwt();
        try (StatusCapture status = StatusCapture.start();
                LoggingFixture fixture = LoggingFixture.start(CONFIG)) {
            fixture.logger("com.example.Parity").info("key {} and token {}", key, jwt);
            fixture.stop();
            assertThat(status.errors()).as("configuration errors").isEmpty();
            for (String appender : List.of("PolicyTarget", "Layout", "Converter")) {
                assertThat(fixture.captured(appender)).as(appender)
                        .containsExactly("key [REDACTED] and token " + jwt + System.lineSeparator());
            }
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
