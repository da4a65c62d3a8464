package dev.scrubber.core;

import java.util.List;

/** An immutable compiled rule set: the rules, their anchor plan and their precomputed typed masks. */
final class Engine {
    final Rule[] rules;
    final String[] typedMasks;
    final AnchorPlan plan;
    /** The version of the process-wide known secrets this engine was compiled with. */
    final long globalVersion;
    /** Unique per compiled engine in this JVM: what {@link Scrubber#version()} reports. */
    final long version = VERSIONS.incrementAndGet();

    private static final java.util.concurrent.atomic.AtomicLong VERSIONS = new java.util.concurrent.atomic.AtomicLong();
    /** The version of the scrubber's learned secrets this engine was compiled with. */
    final long learnedVersion;

    Engine(List<Rule> rules, long globalVersion, long learnedVersion) {
        this.globalVersion = globalVersion;
        this.learnedVersion = learnedVersion;
        this.rules = rules.toArray(new Rule[0]);
        this.typedMasks = new String[this.rules.length];
        for (int i = 0; i < this.rules.length; i++) {
            typedMasks[i] = Masker.typed(this.rules[i].id);
        }
        this.plan = AnchorPlan.compile(rules);
    }

    /** Scans {@code text}; on return {@code state} holds the merged findings, sorted by start. */
    void scan(CharSequence text, ScanState state) {
        plan.scan(text, rules, state);
        state.sortAndMerge();
        if (state.size > 0) {
            Copies.add(text, rules, state);
        }
    }
}
