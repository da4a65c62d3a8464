package dev.scrubber.spring;

import dev.scrubber.core.MaskListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Counts maskings per rule id (never a value) for every component the starter installs. Counting starts with
 * logging, before any meter registry exists; registries that bind later get counters that include those counts.
 * Called on logging threads: an increment, and on a rule's first masking a one-off registration.
 */
final class MaskCounter implements MaskListener {
    static final MaskCounter INSTANCE = new MaskCounter();

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, LongAdder>> registrars = new CopyOnWriteArrayList<>();
    /** Set while a registrar runs, so a meter registry that logs cannot recurse into registration. */
    private final ThreadLocal<Boolean> registering = new ThreadLocal<>();

    private MaskCounter() {
    }

    @Override
    public void masked(String ruleId) {
        LongAdder adder = counts.get(ruleId);
        if (adder == null) {
            LongAdder created = new LongAdder();
            adder = counts.putIfAbsent(ruleId, created);
            if (adder == null) {
                adder = created;
                for (BiConsumer<String, LongAdder> r : registrars) {
                    register(r, ruleId, created);
                }
            }
        }
        adder.increment();
    }

    /** Registers a counter for each rule seen so far and for each rule seen from now on. */
    void bind(BiConsumer<String, LongAdder> registrar) {
        registrars.add(registrar);
        counts.forEach((ruleId, adder) -> register(registrar, ruleId, adder));
    }

    long count(String ruleId) {
        LongAdder adder = counts.get(ruleId);
        return adder == null ? 0 : adder.sum();
    }

    private void register(BiConsumer<String, LongAdder> registrar, String ruleId, LongAdder adder) {
        if (registering.get() != null) {
            return;
        }
        registering.set(Boolean.TRUE);
        try {
            registrar.accept(ruleId, adder);
        } catch (RuntimeException e) {
            // A registry that refuses the meter must not break logging; the count goes on.
        } finally {
            registering.remove();
        }
    }
}
