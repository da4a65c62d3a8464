package dev.scrubber.bench;

import dev.scrubber.core.FakeSecrets;

/** Setup-time checks that every compared configuration really masks, so no benchmark times a no-op. */
final class Sanity {
    private Sanity() {
    }

    /** A text that the first typical regex (the password assignment) and the engine both mask. */
    static String probe() {
        return "login ok, password" + "=" + new FakeSecrets(7).password() + " for user 42";
    }

    static void masks(String what, String output) {
        if (!output.contains(Fixtures.MASK) && !output.contains("[REDACTED:")) {
            throw new IllegalStateException(what + " did not mask the probe secret; the benchmark would time a no-op");
        }
    }
}
