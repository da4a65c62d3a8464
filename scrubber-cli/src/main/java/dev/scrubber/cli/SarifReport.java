package dev.scrubber.cli;

import dev.scrubber.core.RuleInfo;
import dev.scrubber.core.Scrubber;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SARIF 2.1.0 log for code-scanning tools, written as findings arrive. Results come before the tool description
 * (JSON members are unordered) so that the rule list can hold just the rules that fired, indexed in order of first
 * appearance.
 */
final class SarifReport implements FindingReport {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final Map<String, String> DESCRIPTIONS = new HashMap<>();

    static {
        for (RuleInfo r : Scrubber.builtInRules()) {
            DESCRIPTIONS.put(r.id(), r.description());
        }
        DESCRIPTIONS.put("known-secret", "A known secret value (from the environment or --known-secret-variables)");
    }

    private final Writer out;
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    private long count;

    SarifReport(Writer out) throws IOException {
        this.out = out;
        out.write("{\n  \"version\": \"2.1.0\",\n  \"$schema\": " + Json.quote(SCHEMA) + ",\n  \"runs\": [{\n"
                + "    \"columnKind\": \"utf16CodeUnits\",\n    \"results\": [");
    }

    @Override
    public void finding(String path, long line, int column, long endLine, int endColumn, String ruleId)
            throws IOException {
        int index = ruleIndex.computeIfAbsent(ruleId, id -> ruleIndex.size());
        out.write((count++ == 0 ? "\n      " : ",\n      ") + "{\"ruleId\": " + Json.quote(ruleId) + ", \"ruleIndex\": "
                + index + ", \"level\": \"error\", \"message\": {\"text\": "
                + Json.quote("Secret found by rule " + ruleId + "; the value is not shown.")
                + "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " + Json.quote(uri(path))
                + "}, \"region\": {\"startLine\": " + line + ", \"startColumn\": " + column + ", \"endLine\": "
                + endLine + ", \"endColumn\": " + endColumn + "}}}]}");
    }

    @Override
    public void finish() throws IOException {
        StringBuilder rules = new StringBuilder();
        for (String id : ruleIndex.keySet()) {
            rules.append(rules.length() == 0 ? "\n          " : ",\n          ").append("{\"id\": ").append(Json.quote(id))
                    .append(", \"shortDescription\": {\"text\": ")
                    .append(Json.quote(DESCRIPTIONS.getOrDefault(id, "Custom rule " + id)))
                    .append("}, \"defaultConfiguration\": {\"level\": \"error\"}}");
        }
        String version = ScrubberCli.version();
        out.write((count == 0 ? "" : "\n    ") + "],\n    \"tool\": {\"driver\": {\"name\": \"log-scrubber\", \"version\": "
                + Json.quote(version) + ", \"rules\": [" + rules + (rules.length() == 0 ? "" : "\n        ")
                + "]}}\n  }]\n}\n");
        out.flush();
    }

    /** A relative URI reference for a relative path, a file URI for an absolute one, {@code stdin} for input. */
    static String uri(String path) {
        if (Inputs.STDIN.equals(path)) {
            return "stdin";
        }
        try {
            Path p = Path.of(path);
            if (p.isAbsolute()) {
                return p.toUri().toString();
            }
            String slashed = path.replace(File.separatorChar, '/');
            try {
                URI u = new URI(null, null, slashed, null);
                return u.getScheme() == null ? u.toASCIIString() : p.toAbsolutePath().toUri().toString();
            } catch (URISyntaxException e) {
                return p.toAbsolutePath().toUri().toString();
            }
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
