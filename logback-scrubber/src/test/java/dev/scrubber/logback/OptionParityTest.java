package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.scrubber.core.FakeSecrets;
import dev.scrubber.core.ScrubberSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shared option ({@link ScrubberSettings#OPTION_NAMES}) can be given to each of the three components from
 * XML: a Joran setter on the appender and the encoder, an item of the {@code %scrub} option list. An option added
 * to the core later fails here until every component takes it.
 */
class OptionParityTest {
    private static final String CONFIG = "/config/every-option.xml";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(classes = {ScrubbingAppender.class, ScrubbingEncoder.class})
    void everyOptionHasAJoranSetter(Class<?> component) {
        Set<String> setters = Arrays.stream(component.getMethods())
                .filter(m -> m.getName().startsWith("set") && m.getParameterCount() == 1)
                .map(Method::getName)
                .map(n -> Character.toLowerCase(n.charAt(3)) + n.substring(4))
                .collect(Collectors.toSet());
        assertThat(setters).containsAll(ScrubberSettings.OPTION_NAMES);
    }

    @Test
    void theTestConfigurationGivesEveryOptionToEachComponent() throws IOException {
        String xml = resource(CONFIG);
        for (String name : ScrubberSettings.OPTION_NAMES) {
            assertThat(count(xml, "<" + name + ">")).as("<%s> on the appender and the encoder", name).isEqualTo(2);
            assertThat(count(xml, " " + name + "=") + count(xml, "{" + name + "="))
                    .as("%s= in the %%scrub options", name).isEqualTo(1);
        }
    }

    @Test
    void everyComponentStartsWithEveryOptionAndAppliesThem() {
        FakeSecrets fake = new FakeSecrets(71);
        String key = fake.openAiProjectKey();
        String jwt = fake.jwt();
        try (Logback logback = Logback.configure(CONFIG, Map.of("LOG_DIR", dir.toString()))) {
            logback.logger("com.example.Parity").info("key {} and token {}", key, jwt);
            logback.stop();
            assertThat(logback.statuses()).as("warnings and errors while configuring")
                    .noneMatch(s -> s.getEffectiveLevel() >= Status.WARN);
        }
        for (String component : List.of("appender", "encoder", "converter")) {
            assertThat(Logback.read(dir.resolve(component + ".log"))).as(component)
                    .isEqualTo("key [REDACTED] and token " + jwt + System.lineSeparator());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OptionParityTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
