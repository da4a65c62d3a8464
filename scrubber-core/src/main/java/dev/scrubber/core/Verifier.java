package dev.scrubber.core;

/**
 * Confirms a candidate found by the anchor scan. Work is bounded by the rule's maximum length, so a scan is
 * linear in the input whatever the input holds.
 */
interface Verifier {
    /** Returned when the candidate is not a secret. */
    long NONE = -1;

    /**
     * @return the span to mask as {@code start << 32 | end}, or {@link #NONE}
     */
    long verify(CharSequence text, int anchorStart, int anchorEnd, ScanState state);

    /** How the rule validates a candidate, for the generated rules table. */
    String describe();

    static long span(int start, int end) {
        return (long) start << 32 | end;
    }
}
