package dev.scrubber.log4j2;

import dev.scrubber.core.MaskListener;
import dev.scrubber.core.ScrubberSettings;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * A {@link RewritePolicy} for the built-in {@code <Rewrite>} appender that masks credentials in every part of an
 * event a layout can print: the formatted message and its parameters, {@code MapMessage} and
 * {@code StructuredDataMessage} values (whole values under sensitive keys), the ThreadContext map and stack, and the
 * exception with its causes and suppressed exceptions (class names and frames kept, messages masked).
 *
 * <pre>{@code
 * <Rewrite name="Scrubbed">
 *   <ScrubbingPolicy maskStyle="typed" sensitiveKeys="pin,otp"/>
 *   <AppenderRef ref="Console"/>
 * </Rewrite>
 * }</pre>
 *
 * <p>Clean events are passed on as they are. Dirty events are replaced by an immutable copy, so the policy is safe
 * with reused events (garbage-free mode, async loggers). It never throws: text that cannot be scrubbed is written
 * as {@code [REDACTED:scrub-failed]} and the first failure is reported through the status logger.
 */
@Plugin(name = "ScrubbingPolicy", category = Node.CATEGORY, elementType = "rewritePolicy", printObject = true)
public final class ScrubbingPolicy implements RewritePolicy {
    private final EventScrubber scrubber;

    private ScrubbingPolicy(EventScrubber scrubber) {
        this.scrubber = scrubber;
    }

    /** Called by Log4j for each {@code <ScrubbingPolicy>} element; the attributes are described in docs/log4j2.md. */
    @PluginFactory
    public static ScrubbingPolicy createPolicy(
            @PluginAttribute("maskStyle") String maskStyle,
            @PluginAttribute(value = "fingerprintKey", sensitive = true) String fingerprintKey,
            @PluginAttribute("sensitiveKeys") String sensitiveKeys,
            @PluginAttribute("disabledRules") String disabledRules,
            @PluginAttribute("enabledRules") String enabledRules,
            @PluginAttribute("knownSecretsFromEnvironment") String knownSecretsFromEnvironment,
            @PluginAttribute("knownSecretVariables") String knownSecretVariables,
            @PluginAttribute("failPolicy") String failPolicy,
            @PluginAttribute("knownSecretFiles") String knownSecretFiles,
            @PluginAttribute("learnSecrets") String learnSecrets,
            @PluginAttribute("learnedSecretsLimit") String learnedSecretsLimit,
            @PluginAttribute("continuationLoggers") String continuationLoggers,
            @PluginAttribute("maskReportLevel") String maskReportLevel,
            @PluginElement("Rules") ScrubRule[] rules) {
        ScrubberOptions options = ScrubberOptions.ofAttributes(rules, maskStyle, fingerprintKey, sensitiveKeys,
                disabledRules, enabledRules, knownSecretsFromEnvironment, knownSecretVariables, failPolicy,
                knownSecretFiles, learnSecrets, learnedSecretsLimit, continuationLoggers, maskReportLevel);
        return new ScrubbingPolicy(new EventScrubber(ScrubberRuntime.create("ScrubbingPolicy", options)));
    }

    /**
     * A policy for configurations built in code (the Spring Boot starter uses it): the same options as the
     * element's attributes, given as {@link ScrubberSettings}, and a listener told the rule id of every masking
     * (never the secret; it must be quick and must not log), which then replaces the status logger's mask reports.
     * An invalid or null setting is reported through the status logger and the policy then writes only
     * placeholders.
     */
    public static ScrubbingPolicy create(ScrubberSettings settings, MaskListener listener) {
        return new ScrubbingPolicy(new EventScrubber(ScrubberRuntime.create("ScrubbingPolicy", settings, listener)));
    }

    @Override
    public LogEvent rewrite(LogEvent source) {
        return scrubber.rewrite(source);
    }

    @Override
    public String toString() {
        return "ScrubbingPolicy";
    }
}
