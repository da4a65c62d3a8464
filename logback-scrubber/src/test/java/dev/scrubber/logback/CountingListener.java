package dev.scrubber.logback;

import dev.scrubber.core.MaskListener;
import java.util.concurrent.atomic.AtomicInteger;

/** A user listener as a metrics integration would write one: counts maskings. */
public class CountingListener implements MaskListener {
    static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public void masked(String ruleId) {
        COUNT.incrementAndGet();
    }
}
