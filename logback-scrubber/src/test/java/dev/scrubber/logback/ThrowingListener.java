package dev.scrubber.logback;

import dev.scrubber.core.MaskListener;

/** An injected fault: a mask listener that throws on every masking, which makes the scrub call throw. */
public class ThrowingListener implements MaskListener {
    @Override
    public void masked(String ruleId) {
        throw new IllegalStateException("injected listener failure");
    }
}
