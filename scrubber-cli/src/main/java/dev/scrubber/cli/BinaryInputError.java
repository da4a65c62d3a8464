package dev.scrubber.cli;

/** The input holds NUL bytes in its first block, so it is not a text log. Directory scans skip such files. */
final class BinaryInputError extends UserError {
    private static final long serialVersionUID = 1L;

    BinaryInputError(String name) {
        super(name + ": binary input (NUL bytes in the first " + Inputs.BINARY_PROBE / 1024
                + " KiB); only text logs, plain or gzip, can be read");
    }
}
