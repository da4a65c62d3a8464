package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} is generated from the catalog, so it never drifts. Regenerate it with
 * {@code mvn -pl scrubber-core test -Dtest=RulesDocTest -Dscrubber.writeRulesDoc=true}.
 */
class RulesDocTest {
    @Test
    void rulesTableMatchesTheCatalog() throws IOException {
        Path doc = SelfScanTest.repositoryRoot().resolve("docs/rules.md");
        String expected = render();
        if (Boolean.getBoolean("scrubber.writeRulesDoc")) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("docs/rules.md exists; regenerate with -Dscrubber.writeRulesDoc=true").exists();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/rules.md is stale; regenerate with -Dscrubber.writeRulesDoc=true").isEqualTo(expected);
    }

    static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Built-in rules\n\n")
                .append("Generated from the catalog by `RulesDocTest`; do not edit by hand. ")
                .append(Scrubber.builtInRules().size()).append(" rules. ")
                .append("Disable one with `disabledRules`, keep a subset with `enabledRules`.\n\n")
                .append("Token rules are matched right after their literal prefix and never inside a longer run of their ")
                .append("own alphabet; context rules need their keyword (ASCII case-insensitive) within the stated ")
                .append("distance; assignment rules mask only the value.\n\n")
                .append("Checksums confirm rather than gate: a token with a distinctive prefix whose checksum fails is ")
                .append("still masked, under its rule's `-unverified` twin; the Validation column says where a checksum ")
                .append("gates instead (only where the shape alone is common in benign text). A prefixed token cut ")
                .append("short (at the end of the text or line, a wire-log `[\\r][\\n]`, a closing quote or an ")
                .append("ellipsis) is masked once the stated number of random-looking characters follows the prefix. ")
                .append("A body that is one repeated character or says `your…` / `…here` is a placeholder and ")
                .append("stays; so does a short lower-case prefix inside a file name (`name.ico-….png`).\n\n")
                .append("Where a format was checked against a public scanner, the description names it: GL = gitleaks' ")
                .append("default config, TH = trufflehog's detectors, KH = keyhog, MS = microsoft/security-utilities; ")
                .append("otherwise it names the provider's documentation or SDK.\n\n")
                .append("| # | Id | Detects | Anchors | Validation |\n|---|---|---|---|---|\n");
        int i = 1;
        for (RuleInfo r : Scrubber.builtInRules()) {
            sb.append("| ").append(i++).append(" | `").append(r.id()).append("` | ").append(escape(r.description()))
                    .append(" | ").append(anchors(r)).append(" | ").append(escape(r.validation())).append(" |\n");
        }
        sb.append("\nAlso always active: `known-secret` (registered values and, unless disabled, secret-looking ")
                .append("environment variables, with their base64 and URL-encoded forms) and `sensitive-key` ")
                .append("(whole values of MDC entries, key-value pairs and fields whose key is sensitive).\n");
        sensitiveNames(sb);
        valueSyntaxes(sb);
        copiesAndLearning(sb);
        return sb.toString();
    }

    /** The name vocabulary, from {@link SensitiveKeys}: one definition for text and for MDC/key-value masking. */
    private static void sensitiveNames(StringBuilder sb) {
        sb.append("\n## Sensitive names\n\n")
                .append("One vocabulary decides, for `password-assignment` and `secret-assignment` in text and for ")
                .append("`sensitive-key` (MDC, key-value pairs, fields), whether a name is sensitive. A name is read as ")
                .append("words however it is written (`storageAccountKey`, `secret_access_key`, `secret-access-key`, ")
                .append("`spring.datasource.password`, `API KEY`, `AWS_SECRET_ACCESS_KEY`, glued `apikey`); its last word ")
                .append("(the head) decides, ignoring trailing numbers and words that still name the value.\n\n")
                .append("| Tier | Heads | Evidence the value needs |\n|---|---|---|\n")
                .append("| password | ").append(codes(SensitiveKeys.PASSWORD_HEADS)).append(", `pass` after a qualifier ")
                .append("(`db_pass`) | any value that is not a placeholder, code or prose |\n")
                .append("| credential | ").append(codes(SensitiveKeys.CREDENTIAL_HEADS))
                .append(", `key` after a qualifier, `tokens`/`keys` after a credential qualifier, `session id`, ")
                .append("`auth` after a qualifier, `JSESSIONID`-style cookies | ")
                .append(ValueFilter.CREDENTIAL_MIN_LENGTH).append("+ characters, not a plain word, entropy ≥ ")
                .append(ValueFilter.CREDENTIAL_MIN_ENTROPY).append(" bits/char |\n")
                .append("| weak | a bare `key`, `auth`, `session`, `secrets` | ").append(ValueFilter.WEAK_MIN_LENGTH)
                .append("+ characters that look random (punctuation, or letters mixed with digits or case), entropy ≥ ")
                .append(ValueFilter.WEAK_MIN_ENTROPY).append(" |\n")
                .append("| header | `authorization` | masked whole as a field; in text `authorization-header` keeps the ")
                .append("scheme |\n\n")
                .append("- Words that still name the value: ").append(codes(SensitiveKeys.VALUE_SUFFIXES)).append(".\n")
                .append("- Not a credential before `key`: ").append(codes(SensitiveKeys.NON_SECRET_KEY_QUALIFIERS))
                .append(".\n")
                .append("- Not a credential before `token`/`tokens` (counters, cursors, parsers): ")
                .append(codes(SensitiveKeys.NON_SECRET_TOKEN_QUALIFIERS)).append(".\n")
                .append("- Glued one-word names count when a qualifier precedes the head: ")
                .append(codes(SensitiveKeys.GLUED_QUALIFIERS)).append(" (so `jsonwebtoken`, `tokenizer`, ")
                .append("`secretsmanager`, `monkey` do not). `password`, `passwd` and `passphrase` glued after any ")
                .append("other word are a password's name too (`PGPASSWORD`, `keystorepassword`), except after a word ")
                .append("that names an action or a flag: ").append(codes(SensitiveKeys.NOT_A_PASSWORD_BEFORE_WORDS))
                .append(".\n")
                .append("- CSRF/XSRF tokens are masked: they are per-session anti-forgery secrets that OWASP says must ")
                .append("not leak into logs. Pagination and parser tokens (`nextPageToken`, `NextToken`, ")
                .append("`CancellationToken`) and public keys are not secrets.\n");
    }

    private static void valueSyntaxes(StringBuilder sb) {
        sb.append("\n## Value syntaxes\n\n")
                .append("Where a named value ends is decided by its syntax, detected from what surrounds the pair. Any ")
                .append("amount of blanks may surround the operator (`=`, `:`, `:=`, `::=`, `=>`, `==`, `.=`, `?=`, ")
                .append("a spaced `->`, dot leaders glued to the value (`name......value`, HikariCP); a blank alone ")
                .append("after a CLI flag or a set command's name (`config set name …`), a tab alone between a ")
                .append("table's columns). A name ")
                .append("may be an index (`env[NAME] = …`, `$_ENV['NAME'] = …`) or bracketed (`[name] = …`); a quoted ")
                .append("name may be set `to` a quoted value (`Setting property 'name' to '…'`). A YAML block scalar ")
                .append("(`name: |`, `>-`) takes the indented lines below it; a core tag before a value (`!!str`) is ")
                .append("skipped, and a local tag (`!Ref`, `!Sub`, `!secret`, `!vault`) makes it a reference. Ruby's ")
                .append("`\"name\"=>\"…\"` and `:name=>\"…\"` are pairs; an element's CDATA section is its value. An ")
                .append("Authorization header whose scheme takes parameters (`Digest`, `OAuth`, `Signature`) keeps them; ")
                .append("they are found under their own names, and Digest's `response` is masked. On a config line and ")
                .append("in a query or ")
                .append("connection string a value is text: `{…}` and `[…]` there are no structure. A password may be ")
                .append("named in a sentence (`… password is …`, `set to …`, `password for user elastic: …`, ")
                .append("`with password …`, `using password …`): the word ")
                .append("after it counts only when it looks generated (8 characters or more, letters and digits, at ")
                .append("least 3 bits per character); a credential echoed right after its name (`invalid api key …`) ")
                .append("counts when it is a run of 20 or more mixed-case letters and digits. A quoted value (`\"`, `'`, ")
                .append("`` ` ``, JSON `\\\"`, doubly escaped ")
                .append("`\\\\\\\"`) ends at its closing quote, honouring backslash escapes, doubled quotes and the shell's ")
                .append("`'\\''`; everything inside is masked. A quote closes the value only where a value can end: a ")
                .append("blank, the end of the line, a quote or ending punctuation (`, ; : ) } ] > / & + . | ? !`) follows ")
                .append("it, not a word (`\"auth\": \"abc… took 5 ms \"GET /x\"`, `token=\"abc… user=\"bob\"`), and the ")
                .append("pair is not among words inside a string that is still open (`\"message\":\"done \"auth\":\"abc…  ")
                .append("42\"`). On a config line a quote closes the value only before a blank, a comment or the ")
                .append("line's end (or closing punctuation alone): glued to more (`db.password='ab')c'd`), it is part ")
                .append("of a raw value. A value whose quote does not close on its line, or that a shallower quote ends, is its ")
                .append("first word (a config line keeps the rest of the line, a shell word its own rule).\n\n")
                .append("| Syntax | Recognised by | An unquoted value ends at |\n|---|---|---|\n")
                .append("| `toString` dump (`Map`, `Properties`, record, Lombok), YAML flow map | `{ ( [ ,` before the ")
                .append("name (a quoted name and `:` is JSON) | `, name=` or the bracket of the dump's kind that closes ")
                .append("it; brackets of other kinds and punctuation stay inside (a bracket glued inside a word opens ")
                .append("nothing); a value ending in the dump's bracket is told by the line's balance, counted from ")
                .append("the dump's opening bracket with each earlier value ended by the same rule (an ordinary value, ")
                .append("`10` or a URL, keeps no bracket); a list value ")
                .append("(`{X-Api-Key=[…]}`) is its elements; a dump that does not close on its line is read as logfmt |\n")
                .append("| rendered argument list (`[--password, …]`, `[\"--password\",\"…\"]`, `[--token=…, …]`) | a ")
                .append("flag after `[` or `, ` | `, ` or the list's `]` |\n")
                .append("| query string | `? &` before the name | a blank; `&` before `name=`, a blank, a quote or the end; ")
                .append("a quote or `>` where a boundary follows, a whole closing tag `</name>` (raw punctuation, `</` "
                        + "included, stays inside) |\n")
                .append("| connection string (ADO.NET, JDBC) | `;` before the name | a blank; `;` before `name=`, a ")
                .append("blank, a quote or the end; a quote where a boundary follows; a SQL Server `{…}` value at its ")
                .append("closing brace |\n")
                .append("| shell and CLI (`--password=…`, `--token …`, `export X=…`, `curl -u user:…`, `mysql -p…`) | ")
                .append("`-`/`--`, `export`, `set` | the end of the shell word |\n")
                .append("| JSON literal | a quoted name and `:` | `, } ]`, a blank |\n")
                .append("| XML element (`<password>…</password>`, `<entry key=\"password\">…</entry>`) | `<name>` with a ")
                .append("closing tag | the next tag |\n")
                .append("| XML/JSON key-value pair (`key=\"ClearTextPassword\" value=\"…\"`, `\"Name\":\"X\",\"Value\":\"…\"`) ")
                .append("| a quoted name that is an attribute's value | the value attribute's quote |\n")
                .append("| name/value siblings (`Name=DB_PASSWORD, Value=…`, `- name: DB_PASSWORD` then `value: …`, ")
                .append("`Parameter(Name=/prod/db/password, Type=SecureString, Value=…)`) | the name, or a path ending ")
                .append("in it, is the value of a `…name` or `key` field; the `value` field follows after a comma or ")
                .append("on the next line, at most two plain fields later | the value's own syntax |\n")
                .append("| inside a quoted string (`-H \"Authorization: …\"`, HttpClient wire log) | a quote before the ")
                .append("name that is not closed after it | that quote, or `[\\r]` |\n")
                .append("| properties, .env, INI, TOML, YAML, HTTP headers | the name starts a line | the end of the line, ")
                .append("two blanks, or the next `name=` |\n")
                .append("| logfmt, code, prose | anything else | a blank, a quote, a whole closing tag (`</name>`), or the "
                        + "next `, name=` |\n")
                .append("| function-argument pair (`setProperty(\"X_TOKEN\", \"…\")`) | a quoted name, `,`, a quoted value, ")
                .append("after a setter-like call (`put`, `setProperty`, `Map.of` …) | the closing quote |\n")
                .append("| setter or builder argument (`setPassword(\"…\")`, `withApiKey(\"…\")`) | `set`/`with` and a ")
                .append("sensitive name, `(`, a quoted value | the closing quote |\n\n")
                .append("Ambiguous by construction, and therefore not guaranteed: an unquoted value that itself contains ")
                .append("`, name=` (or the dump's closing bracket followed by a blank or comma) in a dump, a blank in an ")
                .append("unquoted logfmt value, a JSON `\\n` escape followed by `name=` inside a raw value, a quoted ")
                .append("value that ends in ` name=` (two or more name characters, a letter first) before a character other than a blank, a blank inside a value whose ")
                .append("quote does not close (its first word is masked), and a cut message whose next quote happens to ")
                .append("close the value (a message truncated right after the `{\"` of a later JSON object). ")
                .append("From real renderers (`RenderedSecretsTest`): a dump value holding a bracket and `name=`, an ")
                .append("empty `{}`/`[]`, an opening bracket at its end or a list start (`=[`); of several secrets on ")
                .append("one line that end in the dump's bracket, the first takes the line's surplus of brackets; a ")
                .append("dump that does not read forwards from its bracket (a `name: value` entry, a list element ")
                .append("before the pair) is counted backwards from the name, where an earlier value's bracket counts ")
                .append("as the dump's; `, ` inside an element of a rendered ")
                .append("argument list; `;name=`, `&name=` or `,name=` inside a raw query, connection-string or config ")
                .append("line value; inside a raw URI password an `@` that a host and `/ : ? #` follow, or leading ")
                .append("digits then `/ ? # ;` (a port); a blank inside a raw URI password; in a name/value sibling ")
                .append("dump (`Pair(Name=…, Value=…)`), a bracket, `</` or trailing punctuation inside the value.\n\n")
                .append("Never secrets: placeholders (`${…}`, `{{…}}`, `%s`, `$VAR`, `<password>`, `***`, one repeated ")
                .append("character, `your_api_key_here`, `changeme`, our own masks), ARNs, dotted Java/Android names and ")
                .append("object references (`android.os.BinderProxy@2bd79ce`), Maven coordinates, code (`getPassword()`, ")
                .append("`this.token`, `secrets[i];`), regular expressions, another sensitive name (`password=DB_PASSWORD`), ")
                .append("and descriptions (three or more plain words) under non-password names.\n");
    }

    private static void copiesAndLearning(StringBuilder sb) {
        sb.append("\n## Every copy and learned secrets\n\n")
                .append("- When a rule that needed context (a name, a keyword, an id: the assignment, nearby, pair, URI ")
                .append("and CLI rules) masks a value of ").append(Copies.MIN_LENGTH).append("+ characters, every other ")
                .append("occurrence of that exact value in the same text is masked too (up to ").append(Copies.MAX_VALUES)
                .append(" values per text; only when something was masked).\n")
                .append("- `learnSecrets` (on by default): those values, and values masked by `sensitive-key`, are ")
                .append("learned as `").append(LearnedSecrets.RULE_ID).append("` values of that scrubber, so that a later ")
                .append("bare occurrence in another event is masked. Bounded by `learnedSecretsLimit` (default ")
                .append(LearnedSecrets.DEFAULT_CAPACITY).append(", the most recently used); values of ")
                .append(LearnedSecrets.MIN_LENGTH).append("–").append(LearnedSecrets.MAX_LENGTH)
                .append(" characters with a digit or symbol and at least ").append(LearnedSecrets.MIN_ENTROPY)
                .append(" bits/char only. Kept in memory, never printed; a new value takes effect within 100 ms.\n");
    }

    private static String codes(String[] words) {
        return String.join(", ", java.util.Arrays.stream(words).map(w -> "`" + w + "`").toList());
    }

    private static String anchors(RuleInfo r) {
        return String.join(", ", r.anchors().stream().map(RulesDocTest::anchor).toList());
    }

    /**
     * An anchor as code. One with a quote is written as HTML with {@code &quot;} or {@code &#39;}, which renders the
     * same: written plainly, a list of anchors such as {@code "auth": "} or {@code PASSWORD '} reads as a name with a
     * quoted value to our own scanner.
     */
    private static String anchor(String a) {
        if (a.indexOf('"') < 0 && a.indexOf('\'') < 0) {
            return "`" + escape(a) + "`";
        }
        return "<code>" + escape(a.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")
                .replace("'", "&#39;")) + "</code>";
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
