package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where a named value ends when the line goes on: a named value followed by more fields, prose, log lines with
 * quotes of their own and other named values, in JSON, logfmt, dumps and prose, with and without its closing
 * quote. Generated (seeded random names, values and {@link BenignLogs} lines); each case says exactly which spans
 * are secrets, and the scrubbed line must be the line with exactly those spans masked: a value that stops short
 * leaks, one that runs on masks text that is not a secret. {@code -Dends.seed=N -Dends.per=M} draws other cases.
 */
class NamedValueEndsTest {
    private static final Scrubber SCRUBBER = Scrubber.builder().knownSecretsFromEnvironment(false).learnSecrets(false)
            .build();
    private static final Pattern MASK = Pattern.compile("\\[REDACTED:[a-z0-9-]+\\]");
    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final int PER_FAMILY = Integer.getInteger("ends.per", 150);

    /** A line as pieces, each either text that must come back unchanged or a secret that must be masked. */
    private static final class Line {
        final List<String> pieces = new ArrayList<>();
        final List<Boolean> secret = new ArrayList<>();

        Line text(String t) {
            pieces.add(t);
            secret.add(false);
            return this;
        }

        Line secret(String t) {
            pieces.add(t);
            secret.add(true);
            return this;
        }

        String line() {
            return String.join("", pieces);
        }

        /** The scrubbed line: the text pieces as they are, each secret replaced by one mask. */
        Pattern expected() {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < pieces.size(); i++) {
                re.append(secret.get(i) ? MASK.pattern() : Pattern.quote(pieces.get(i)));
            }
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        }
    }

    private interface Family {
        Line write(Gen g);
    }

    /** Random names, values and follow-on text for one case. */
    private static final class Gen {
        final Random random;
        final NamedValueCorpus values;
        final BenignLogs logs;
        final List<String> names;

        Gen(long seed, List<String> names) {
            random = new Random(seed);
            values = new NamedValueCorpus(seed);
            logs = new BenignLogs(seed);
            this.names = names;
        }

        String name() {
            return names.get(random.nextInt(names.size()));
        }

        /**
         * A random printable value that {@code ok} accepts and that is a secret on its own under any name: masked
         * under the weakest name, {@code key}, quoted and, if it is one word, unquoted (where values end is tested
         * here; which values are secrets, by the corpus tests).
         */
        String value(Predicate<String> ok) {
            while (true) {
                String v = values.value(12, 32);
                if (ok.test(v) && NamedValueCorpus.noBlankEdges(v)
                        && !SCRUBBER.find("{\"key\": \"" + NamedValueCorpus.json(v) + "\"}").isEmpty()
                        && (v.indexOf(' ') >= 0 || !SCRUBBER.find("key=" + v + " x").isEmpty())) {
                    return v;
                }
            }
        }

        /** One word of a password alphabet: what an unquoted or unclosed value can carry. */
        String word() {
            return value(NamedValueCorpus::wordValue);
        }

        /** A realistic log line on one line (quotes, brackets, paths, ids and all). */
        String logLine() {
            return logs.line().replace('\n', ' ').replace('\t', ' ');
        }

        /** Plain words and numbers, as the message of a log line. */
        String prose() {
            String[] words = {"took", "ms", "for", "order", "retrying", "in", "user", "bob", "completed", "cache",
                "hit", "attempt", "of", "status", "ok", "from", "host", "db-1"};
            StringBuilder sb = new StringBuilder();
            int n = 2 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : " ").append(random.nextBoolean() ? words[random.nextInt(words.length)]
                        : String.valueOf(random.nextInt(10_000)));
            }
            return sb.toString();
        }
    }

    private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

    static {
        // Closed quotes: everything inside is the value, whatever follows.
        FAMILIES.put("json, more members", g -> new Line().text("{\"id\":7,\"" + g.name() + "\":\"")
                .secret(NamedValueCorpus.json(g.value(v -> true))).text("\",\"user\":\"bob\",\"msg\":\"" + g.prose()
                        + "\"} " + g.logLine()));
        FAMILIES.put("json, then another named value", g -> new Line().text("{\"" + g.name() + "\": \"")
                .secret(NamedValueCorpus.json(g.value(v -> true))).text("\", \"host\": \"db\", \"" + g.name()
                        + "\": \"").secret(NamedValueCorpus.json(g.value(v -> true))).text("\"} " + g.logLine()));
        FAMILIES.put("logfmt quoted, more fields", g -> new Line().text("level=info " + g.name() + "=\"")
                .secret(NamedValueCorpus.json(g.value(v -> true))).text("\" user=bob msg=\"" + g.prose() + "\" "
                        + g.logLine()));
        FAMILIES.put("prose, quoted value then quoted words", g -> new Line().text("login failed, " + g.name()
                + ": \"").secret(NamedValueCorpus.json(g.value(v -> true))).text("\" for user \"bob\" "
                + g.logLine()));
        // No closing quote where the value ends: the value is the word after the quote.
        FAMILIES.put("json, cut value, the line goes on", g -> new Line().text("{\"" + g.name() + "\":\"")
                .secret(g.word()).text(" " + g.logLine()));
        FAMILIES.put("json, inside a message string", g -> new Line().text("{\"level\":\"INFO\",\"message\":\""
                + g.prose() + " \"" + g.name() + "\":\"").secret(g.word()).text("  " + g.prose()
                + "\",\"requestId\":\"" + new java.util.UUID(g.random.nextLong(), g.random.nextLong()) + "\"}"));
        FAMILIES.put("access log, inside the request", g -> new Line().text("10.0.0.7 - - [02/Dec/2026:10:00:00] "
                + "\"GET /v1/items?page=2 \"" + g.name() + "\": \"").secret(g.word()).text("  HTTP/1.1\" 200 512 \"-\""
                + " \"Mozilla/5.0\""));
        FAMILIES.put("logfmt, unclosed, more fields", g -> new Line().text("level=info " + g.name() + "=\"")
                .secret(g.word()).text(" user=bob msg=\"" + g.prose() + "\" " + g.logLine()));
        FAMILIES.put("logfmt, unclosed, then another named value", g -> new Line().text(g.name() + "=\"")
                .secret(g.word()).text(" " + g.name() + "=\"").secret(g.word()).text("\" " + g.logLine()));
        FAMILIES.put("prose, unclosed, then quoted words", g -> new Line().text("login failed, " + g.name() + ": \"")
                .secret(g.word()).text(" for user \"bob\" at " + g.logLine()));
        FAMILIES.put("python dict, unclosed, then prose with apostrophes", g -> new Line().text("{'user': 'app', '"
                + g.name() + "': '").secret(g.word()).text(" isn't valid, o'brien's " + g.prose()));
        // Unquoted values end by their syntax, whatever the line holds after them.
        FAMILIES.put("logfmt, then a log line", g -> new Line().text("level=info " + g.name() + "=")
                .secret(g.word()).text(" user=bob " + g.logLine()));
        FAMILIES.put("dump, then prose", g -> new Line().text("Loaded {host=db.internal, " + g.name() + "=")
                .secret(g.value(NamedValueCorpus.dumpValue('{'))).text("} from \"config\" " + g.logLine()));
        FAMILIES.put("dump cut before its bracket, then a log line", g -> new Line().text("Loaded {host=db.internal, "
                + g.name() + "=").secret(g.value(v -> NamedValueCorpus.wordValue(v)
                        && NamedValueCorpus.dumpValue('{').test(v))).text(" " + g.logLine()));
        FAMILIES.put("escaped JSON, unclosed, inside a message", g -> new Line().text("{\"message\":\"{\\\""
                + g.name() + "\\\":\\\"").secret(g.value(v -> NamedValueCorpus.wordValue(v) && v.indexOf('\\') < 0))
                .text(" " + g.prose() + "\",\"level\":\"INFO\"}"));
        FAMILIES.put("XML attribute, unclosed, more attributes", g -> new Line().text("<add key=\"" + g.name()
                + "\" value=\"").secret(g.value(v -> NamedValueCorpus.wordValue(v) && v.indexOf('&') < 0
                        && v.indexOf('<') < 0 && v.indexOf('>') < 0)).text(" /><add key=\"host\" value=\"db\" /> "
                + g.logLine()));
        FAMILIES.put("query parameter, then the request line", g -> new Line().text("\"GET /v1/items?page=2&"
                + g.name() + "=").secret(java.net.URLEncoder.encode(g.word(), java.nio.charset.StandardCharsets.UTF_8))
                .text("&sort=desc HTTP/1.1\" 200 512 " + g.logLine()));
        FAMILIES.put("lombok dump, more entries, then a log line", g -> new Line().text("DbConfig(user=app, "
                + g.name() + "=").secret(g.value(NamedValueCorpus.dumpValue('('))).text(", pool=10) " + g.logLine()));
    }

    @Test
    void namedValuesEndWhereTheirSyntaxEnds() {
        List<String> names = new ArrayList<>();
        List<List<String>> bases = new ArrayList<>(NamedValueCorpus.PASSWORD_NAMES);
        bases.addAll(NamedValueCorpus.CREDENTIAL_NAMES);
        bases.addAll(NamedValueCorpus.WEAK_NAMES);
        for (List<String> words : bases) {
            NamedValueCorpus.spellings(words).stream().filter(n -> TOKEN_NAME.matcher(n).matches()).forEach(names::add);
        }
        Map<String, Integer> failures = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        long seed = Long.getLong("ends.seed", 20261202);
        int cases = 0;
        for (Map.Entry<String, Family> family : FAMILIES.entrySet()) {
            for (int k = 0; k < PER_FAMILY; k++) {
                Line c = family.getValue().write(new Gen(seed++, names));
                String out = SCRUBBER.scrub(c.line());
                cases++;
                if (!c.expected().matcher(out).matches()) {
                    failures.merge(family.getKey(), 1, Integer::sum);
                    if (failures.get(family.getKey()) <= 2) {
                        examples.add(family.getKey() + "\n    in:  " + c.line() + "\n    out: " + out);
                    }
                }
            }
        }
        assertThat(failures).as("failures of %d cases by family; first ones:%n%s", cases,
                String.join("\n", examples)).isEmpty();
    }
}
