package dev.scrubber.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.scrubber.core.MaskListener;
import java.util.Iterator;

/**
 * Scrubs every event on the logging thread and forwards it to the appenders referenced with
 * {@code <appender-ref>}: console, file, rolling, {@code AsyncAppender}, JSON-encoded or CloudWatch appenders.
 *
 * <pre>{@code
 * <appender name="SCRUB" class="dev.scrubber.logback.ScrubbingAppender">
 *   <appender-ref ref="CONSOLE"/>
 * </appender>
 * }</pre>
 *
 * <p>What the referenced appenders receive is the original event when nothing in it needed masking, else an
 * immutable copy in which the formatted message, the raw template and arguments, MDC values and key-value pairs
 * (masked whole under sensitive keys), markers and the whole exception tree are scrubbed, while thread name,
 * caller data, level, timestamp with nanoseconds and sequence number are kept. The copy can be queued and
 * formatted later on another thread.
 *
 * <p>Options (the same names as {@link ScrubbingEncoder} and {@link ScrubConverter}): {@code maskStyle},
 * {@code fingerprintKey}, {@code sensitiveKeys}, {@code disabledRules}, {@code enabledRules}, nested
 * {@code <rule>} elements, {@code knownSecretsFromEnvironment}, {@code knownSecretVariables}, {@code failPolicy},
 * {@code continuationLoggers}, {@code maskReportLevel}, and an optional {@code <listener class="...">}. It never throws into the application and never forwards text it
 * could not scrub; problems go to Logback's status manager.
 */
public class ScrubbingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {
    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private final ScrubberOptions options = new ScrubberOptions();
    private volatile EventScrubber eventScrubber;

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (!appenders.iteratorForAppenders().hasNext()) {
            addError("No appender is attached to [" + name + "]; add an <appender-ref>. Events would be lost.");
            return;
        }
        ScrubberOptions.Started started = options.start(this);
        // With an invalid configuration (reported) events still flow, but only as placeholders: fail closed
        // without losing the fact that something was logged.
        eventScrubber = started == null ? null
                : new EventScrubber(started.scrubber(), started.reporter(), started.failPolicy(), started.continuations());
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        appenders.detachAndStopAllAppenders();
    }

    @Override
    protected void append(ILoggingEvent event) {
        EventScrubber scrubber = eventScrubber;
        appenders.appendLoopOnAppenders(scrubber != null ? scrubber.scrub(event) : EventScrubber.placeholder(event));
    }

    // AppenderAttachable: what <appender-ref> uses.

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String appenderName) {
        return appenders.getAppender(appenderName);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String appenderName) {
        return appenders.detachAppender(appenderName);
    }

    // Options, shared with ScrubbingEncoder and ScrubConverter.

    /** {@code typed} (default), {@code full}, {@code partial} or {@code fingerprint}. */
    public void setMaskStyle(String value) {
        options.apply(() -> options.settings().setMaskStyle(value));
    }

    /** Key of the fingerprint hash; the same key on every host makes fingerprints comparable. */
    public void setFingerprintKey(String value) {
        options.apply(() -> options.settings().setFingerprintKey(value));
    }

    /** Comma-separated key names added to the default sensitive keys. */
    public void setSensitiveKeys(String csv) {
        options.apply(() -> options.settings().setSensitiveKeys(csv));
    }

    /** Comma-separated built-in rule ids to turn off. */
    public void setDisabledRules(String csv) {
        options.apply(() -> options.settings().setDisabledRules(csv));
    }

    /** Comma-separated built-in rule ids to keep (all when unset). */
    public void setEnabledRules(String csv) {
        options.apply(() -> options.settings().setEnabledRules(csv));
    }

    /** A custom rule: a nested {@code <rule>} with {@code <id>}, {@code <regex>} and optional {@code <keywords>}. */
    public void addRule(ScrubRule rule) {
        options.apply(() -> options.addRule(rule));
    }

    /** Mask the values of secret-looking environment variables (default true). */
    public void setKnownSecretsFromEnvironment(boolean value) {
        options.apply(() -> options.settings().setKnownSecretsFromEnvironment(value));
    }

    /** Comma-separated environment variable names whose values are masked wherever they appear. */
    public void setKnownSecretVariables(String csv) {
        options.apply(() -> options.settings().setKnownSecretVariables(csv));
    }

    /** Comma-separated files or directories (mounted secrets) whose contents are masked wherever they appear. */
    public void setKnownSecretFiles(String csv) {
        options.apply(() -> options.settings().setKnownSecretFiles(csv));
    }

    /** {@code placeholder} (default) or {@code whole-message}. */
    public void setFailPolicy(String value) {
        options.apply(() -> options.settings().setFailPolicy(value));
    }

    /**
     * Comma-separated logger-name prefixes whose events continue a secret split over consecutive events of one
     * thread (wire loggers); default every logger, {@code none} for none.
     */
    public void setContinuationLoggers(String csv) {
        options.apply(() -> options.settings().setContinuationLoggers(csv));
    }

    /** {@code info} (default) or {@code warn}: the status level of the once-per-rule-and-logger masking report. */
    public void setMaskReportLevel(String value) {
        options.apply(() -> options.settings().setMaskReportLevel(value));
    }

    /**
     * Learn the values that context rules mask ({@code password=…}, a URI password, an MDC sensitive key), so that
     * later bare copies are masked in any event (default true).
     */
    public void setLearnSecrets(boolean value) {
        options.apply(() -> options.settings().setLearnSecrets(value));
    }

    /** How many learned values are kept, the most recently used (default 1024). */
    public void setLearnedSecretsLimit(int value) {
        options.apply(() -> options.settings().setLearnedSecretsLimit(value));
    }

    /** Told the rule id of every masking (for metrics); must be quick and must not log. */
    public void setListener(MaskListener listener) {
        options.setListener(listener);
    }
}
