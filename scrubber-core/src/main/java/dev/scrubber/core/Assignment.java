package dev.scrubber.core;

/**
 * One name-operator-value occurrence while it is being read: what {@link ValueSyntax} found around the name and
 * {@link ValueEnd} needs to end the value. Reused per scanning thread ({@link ScanState#assignment}), so reading
 * allocates nothing.
 */
final class Assignment {
    int nameStart;
    int nameEnd;
    int valueStart;
    /** One of the {@link ValueSyntax} constants. */
    int syntax;
    /** The value's own quote character, or 0 when it is unquoted. */
    char quote;
    /** Escape depth of the value's quote: 0 for {@code "}, 1 for {@code \"}, 2 for {@code \\\"}. */
    int level;
    /** The quote that encloses the whole pair ({@code "Authorization: Bearer …"}), or 0. */
    char enclosingQuote;
    int enclosingLevel;
    /** The operator's first character ({@code =}, {@code :}, {@code >}, {@code ,}), or a space for none. */
    char operator;
    int operatorLength;
    boolean spacedOperator;
    boolean nameQuoted;
    /** The value opened a quote that does not close on its line (a cut message): still a quoted literal. */
    boolean unclosedQuote;
    /** XML attribute values have no backslash escapes. */
    boolean xmlAttribute;
    /** A connection-string value in braces (SQL Server): valueStart is after the brace. */
    boolean braced;
    /** An unquoted value that is a list ({@code X-Api-Key=[…]} in a header map): valueStart is after its {@code [}. */
    boolean listed;
    /** Spring's {@code on field 'x': rejected value […]}: the value is inside the brackets. */
    boolean rejectedValue;
    /** Read from a sentence ("the password is …"): the value must look generated to count. */
    boolean prose;
    /** The scan's forward reading of the dump the pair may be in (kept across pairs; null outside a scan). */
    DumpParse dumps;

    void clear() {
        quote = 0;
        level = 0;
        enclosingQuote = 0;
        enclosingLevel = 0;
        operator = 0;
        operatorLength = 0;
        spacedOperator = false;
        nameQuoted = false;
        unclosedQuote = false;
        xmlAttribute = false;
        braced = false;
        listed = false;
        prose = false;
        rejectedValue = false;
    }

    boolean quoted() {
        return quote != 0;
    }
}
