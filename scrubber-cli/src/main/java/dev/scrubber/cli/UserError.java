package dev.scrubber.cli;

/**
 * A problem the user can fix (a missing file, binary input, a bad option). Reported as one line on standard error
 * with exit status 2, never with a stack trace.
 */
class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message, null, false, false);
    }
}
