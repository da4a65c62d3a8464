package dev.scrubber.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.scrubber.core.Continuations;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.MaskListener;
import dev.scrubber.core.Scrubber;
import dev.scrubber.core.ScrubberSettings;

/**
 * The options shared by the appender, the encoder and the converter, under the names of {@link ScrubberSettings}
 * plus an optional user {@link MaskListener}. Each component forwards its Joran setters here and calls
 * {@link #start} from its own {@code start()}.
 */
final class ScrubberOptions {
    private final ScrubberSettings settings = new ScrubberSettings();
    private MaskListener listener;
    private String configurationError;

    /** Applies a setter, remembering the first configuration error for {@link #start} to report. */
    void apply(Runnable setter) {
        try {
            setter.run();
        } catch (RuntimeException e) {
            if (configurationError == null) {
                configurationError = e.getMessage();
            }
        }
    }

    ScrubberSettings settings() {
        return settings;
    }

    void addRule(ScrubRule rule) {
        if (rule == null || rule.getId() == null || rule.getRegex() == null) {
            if (configurationError == null) {
                configurationError = "a <rule> needs an <id> and a <regex>";
            }
            return;
        }
        settings.addRule(rule.getId().trim(), rule.getRegex(), rule.getKeywords());
    }

    void setListener(MaskListener listener) {
        this.listener = listener;
    }

    FailPolicy failPolicy() {
        return settings.getFailPolicy();
    }

    /**
     * Builds the scrubber and its reporter, or reports the configuration error through {@code owner} and
     * returns null (the component then stays stopped and fails closed).
     */
    Started start(ContextAware owner) {
        if (configurationError != null) {
            owner.addError("log-scrubber: invalid configuration: " + configurationError);
            return null;
        }
        StatusReporter reporter = new StatusReporter(owner, listener, settings.warnsOnMask());
        try {
            Scrubber scrubber = settings.build(reporter);
            return new Started(scrubber, reporter, settings.getFailPolicy(), settings.buildContinuations(scrubber));
        } catch (RuntimeException e) {
            owner.addError("log-scrubber: invalid configuration: " + e.getMessage());
            return null;
        }
    }

    /** What a started component uses. */
    record Started(Scrubber scrubber, StatusReporter reporter, FailPolicy failPolicy, Continuations continuations) {
    }
}
