package dev.scrubber.log4j2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;
import org.apache.logging.log4j.core.pattern.PatternParser;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * {@code %scrub{pattern}{option=value}...}: renders the nested pattern and masks credentials in that output, in
 * place in the layout's buffer (no allocation when the text is clean). Options use the names of every other
 * component: {@code %scrub{%m%n%ex}{maskStyle=full}{sensitiveKeys=pin,otp}}; a custom rule is
 * {@code {rule.<id>=<RE2 regex>}} with optional {@code {rule.<id>.keywords=a,b}}.
 *
 * <p>It tells the pattern parser that it handles exceptions, so PatternLayout does not append its implicit,
 * unscrubbed exception converter. When the nested pattern has no exception converter of its own, this converter
 * renders the exception ({@code %n%ex}) at the end of its output, scrubbed. It never throws: output that cannot
 * be produced or scrubbed becomes {@code [REDACTED:scrub-failed]}.
 */
@Plugin(name = "ScrubPatternConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"scrub"})
public final class ScrubPatternConverter extends LogEventPatternConverter {
    private static final String RULE_PREFIX = "rule.";
    private static final String KEYWORDS_SUFFIX = ".keywords";

    private final PatternFormatter[] formatters;
    private final PatternFormatter[] exceptionFormatters;
    private final ScrubberRuntime runtime;

    private ScrubPatternConverter(PatternFormatter[] formatters, PatternFormatter[] exceptionFormatters,
            ScrubberRuntime runtime) {
        super("scrub", "scrub");
        this.formatters = formatters;
        this.exceptionFormatters = exceptionFormatters;
        this.runtime = runtime;
    }

    /**
     * Called by the pattern parser with the brace options: the nested pattern first (default {@code %m}), then
     * {@code name=value} options.
     */
    public static ScrubPatternConverter newInstance(Configuration config, String[] options) {
        String pattern = options != null && options.length > 0 && options[0] != null ? options[0] : "%m";
        ScrubberOptions parsed = new ScrubberOptions();
        String optionError = null;
        if (options != null) {
            try {
                parseOptions(options, parsed);
            } catch (IllegalArgumentException e) {
                optionError = e.getMessage();
            }
        }
        ScrubberRuntime runtime;
        if (optionError != null) {
            StatusLogger.getLogger().error("log-scrubber %scrub: invalid configuration: {}. Every text it handles is"
                    + " written as {}.", optionError, ScrubberRuntime.PLACEHOLDER);
            runtime = ScrubberRuntime.failClosed("%scrub");
        } else {
            runtime = ScrubberRuntime.create("%scrub", parsed);
        }
        PatternParser parser = PatternLayout.createPatternParser(config);
        PatternFormatter[] formatters;
        PatternFormatter[] exceptionFormatters;
        try {
            List<PatternFormatter> nested = parser.parse(pattern, false, false, false);
            formatters = nested.toArray(new PatternFormatter[0]);
            boolean nestedHandlesThrowable = false;
            for (PatternFormatter f : formatters) {
                nestedHandlesThrowable |= f.handlesThrowable();
            }
            exceptionFormatters = nestedHandlesThrowable ? new PatternFormatter[0]
                    : parser.parse("%n%ex", false, false, false).toArray(new PatternFormatter[0]);
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("log-scrubber %scrub: cannot parse the nested pattern ({}); writing {}",
                    e.getClass().getName(), ScrubberRuntime.PLACEHOLDER);
            formatters = null;
            exceptionFormatters = new PatternFormatter[0];
        }
        return new ScrubPatternConverter(formatters, exceptionFormatters, runtime);
    }

    private static void parseOptions(String[] options, ScrubberOptions parsed) {
        Map<String, String[]> rules = new LinkedHashMap<>();
        for (int i = 1; i < options.length; i++) {
            String option = options[i];
            int eq = option == null ? -1 : option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("option '" + option + "' is not name=value");
            }
            String name = option.substring(0, eq).trim();
            String value = option.substring(eq + 1);
            if (name.startsWith(RULE_PREFIX)) {
                boolean keywords = name.endsWith(KEYWORDS_SUFFIX);
                String id = name.substring(RULE_PREFIX.length(),
                        keywords ? name.length() - KEYWORDS_SUFFIX.length() : name.length());
                String[] rule = rules.computeIfAbsent(id, k -> new String[2]);
                rule[keywords ? 1 : 0] = value;
            } else {
                parsed.set(name, value.trim());
            }
        }
        for (Map.Entry<String, String[]> r : rules.entrySet()) {
            if (r.getValue()[0] == null) {
                throw new IllegalArgumentException("rule '" + r.getKey() + "' has keywords but no regex");
            }
            parsed.rules.add(ScrubRule.createRule(r.getKey(), r.getValue()[0], r.getValue()[1]));
        }
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        int start = toAppendTo.length();
        String previous = runtime.enter(event.getLoggerName());
        try {
            if (formatters == null) {
                toAppendTo.append(ScrubberRuntime.PLACEHOLDER);
                return;
            }
            try {
                for (PatternFormatter f : formatters) {
                    f.format(event, toAppendTo);
                }
                if (exceptionFormatters.length > 0 && event.getThrown() != null) {
                    appendException(event, toAppendTo);
                }
            } catch (Throwable t) {
                runtime.failed("the nested pattern", t);
                toAppendTo.setLength(start);
                toAppendTo.append(ScrubberRuntime.PLACEHOLDER);
                return;
            }
            runtime.inPlace(event, toAppendTo, start);
        } finally {
            runtime.exit(previous);
        }
    }

    /** Renders the exception; drops its final line break, which the pattern's own trailing {@code %n} provides. */
    private void appendException(LogEvent event, StringBuilder out) {
        int before = out.length();
        for (PatternFormatter f : exceptionFormatters) {
            f.format(event, out);
        }
        int end = out.length();
        if (end > before && out.charAt(end - 1) == '\n') {
            end--;
            if (end > before && out.charAt(end - 1) == '\r') {
                end--;
            }
            out.setLength(end);
        }
    }

    /** Always true: either the nested pattern renders the exception, or this converter does, scrubbed. */
    @Override
    public boolean handlesThrowable() {
        return true;
    }
}
