package dev.scrubber.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** Parses the {@code --charset} option into a one-line error when unknown. */
final class Charsets {
    private Charsets() {
    }

    static Charset parse(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UserError("unknown charset '" + name + "'");
        }
    }
}
