package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every appender of the scenario configurations wrote, by appender, read after Log4j stopped. */
final class Outputs {
    static final List<String> FILES = List.of("pattern.log", "json.log", "gelf.log");
    static final List<String> CAPTURES = List.of("PatternCapture", "JsonCapture", "GelfCapture");

    private final Map<String, String> byAppender = new LinkedHashMap<>();

    /** Reads the outputs of a scenario configuration; converter.xml has no GELF appenders (see its comment). */
    static Outputs read(LoggingFixture fixture, String config) {
        boolean gelf = !config.equals("converter.xml");
        Outputs out = new Outputs();
        for (String f : FILES) {
            if (gelf || !f.startsWith("gelf")) {
                out.byAppender.put(f, fixture.file(f));
            }
        }
        for (String c : CAPTURES) {
            if (gelf || !c.startsWith("Gelf")) {
                out.byAppender.put(c, String.join("", fixture.captured(c)));
            }
        }
        return out;
    }

    Map<String, String> all() {
        return byAppender;
    }

    /** Every appender wrote text containing each of {@code expected} and none of {@code secrets}. */
    void assertEach(List<String> expected, List<String> secrets) {
        byAppender.forEach((appender, text) -> {
            for (String e : expected) {
                assertThat(text).as("%s should contain %s", appender, e).contains(e);
            }
            for (String s : secrets) {
                assertThat(text).as("%s leaked a secret", appender).doesNotContain(s);
            }
        });
    }
}
