package dev.scrubber.demo;

/**
 * What many HTTP clients throw on a 4xx answer: the message echoes the request, headers included, which is how
 * an {@code Authorization} header ends up in an exception log.
 */
final class ProviderHttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProviderHttpException(String message) {
        super(message);
    }
}
