package dev.scrubber.spring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.Appender;
import dev.scrubber.core.MaskListener;
import dev.scrubber.logback.ScrubRule;
import dev.scrubber.logback.ScrubbingAppender;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Puts a {@link ScrubbingAppender} in front of every appender attached to a Logback logger, whatever configured
 * it: Spring Boot's defaults (console, {@code logging.file.*}, structured formats), a {@code logback-spring.xml},
 * a {@code logback.xml}. A {@link ScrubbingAppender} the user configured stays as it is (no double wrapping).
 *
 * <p>Spring Boot resets and reconfigures the context whenever it (re)initialises logging; a reset-resistant
 * context listener wraps again each time the context starts, with the options currently in force.
 */
final class LogbackScrubbing {
    private LogbackScrubbing() {
    }

    /** Wraps now and after every later (re)configuration; {@code options == null} removes our wrappers. */
    static void install(LoggerContext context, ScrubberProperties options, MaskListener listener) {
        Hook hook = null;
        for (LoggerContextListener l : context.getCopyOfListenerList()) {
            if (l instanceof Hook h) {
                hook = h;
            }
        }
        if (hook == null && options == null) {
            return;
        }
        if (hook == null) {
            hook = new Hook();
            context.addListener(hook);
        }
        hook.options = options;
        hook.listener = listener;
        wrapAll(context, options, listener);
    }

    static synchronized void wrapAll(LoggerContext context, ScrubberProperties options, MaskListener listener) {
        Map<Appender<ILoggingEvent>, Appender<ILoggingEvent>> wrappers = new IdentityHashMap<>();
        for (Logger logger : context.getLoggerList()) {
            List<Appender<ILoggingEvent>> attached = new ArrayList<>();
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
                attached.add(it.next());
            }
            for (Appender<ILoggingEvent> appender : attached) {
                Appender<ILoggingEvent> inner = appender;
                if (appender instanceof BootScrubbingAppender ours) {
                    if (options != null && ours.options.key().equals(options.key())) {
                        continue;
                    }
                    inner = ours.inner;
                } else if (appender instanceof ScrubbingAppender) {
                    continue; // the user's own, from XML
                }
                Appender<ILoggingEvent> replacement = options == null ? inner
                        : wrappers.computeIfAbsent(inner, i -> wrap(context, i, options, listener));
                logger.detachAppender(appender);
                logger.addAppender(replacement);
                if (appender instanceof BootScrubbingAppender ours) {
                    ours.release();
                }
            }
        }
    }

    private static Appender<ILoggingEvent> wrap(LoggerContext context, Appender<ILoggingEvent> inner,
            ScrubberProperties options, MaskListener listener) {
        BootScrubbingAppender wrapper = new BootScrubbingAppender(inner, options);
        wrapper.setContext(context);
        wrapper.setName("SCRUBBED-" + inner.getName());
        configure(wrapper, options, listener);
        wrapper.addAppender(inner);
        wrapper.start();
        return wrapper;
    }

    /** The {@code scrubber.*} options as the appender's own setters, which report invalid values and fail closed. */
    private static void configure(ScrubbingAppender a, ScrubberProperties o, MaskListener listener) {
        if (o.getMaskStyle() != null) {
            a.setMaskStyle(o.getMaskStyle());
        }
        if (o.getFingerprintKey() != null) {
            a.setFingerprintKey(o.getFingerprintKey());
        }
        a.setSensitiveKeys(String.join(",", o.getSensitiveKeys()));
        a.setDisabledRules(String.join(",", o.getDisabledRules()));
        a.setEnabledRules(String.join(",", o.getEnabledRules()));
        for (ScrubberProperties.Rule r : o.getRules()) {
            ScrubRule rule = new ScrubRule();
            rule.setId(r.getId());
            rule.setRegex(r.getRegex());
            rule.setKeywords(r.getKeywords());
            a.addRule(rule);
        }
        a.setKnownSecretsFromEnvironment(o.isKnownSecretsFromEnvironment());
        a.setKnownSecretVariables(String.join(",", o.getKnownSecretVariables()));
        a.setKnownSecretFiles(String.join(",", o.getKnownSecretFiles()));
        if (o.getFailPolicy() != null) {
            a.setFailPolicy(o.getFailPolicy());
        }
        a.setListener(listener);
    }

    /** Our wrapper, told apart from a user's {@link ScrubbingAppender}, remembering what it wraps. */
    static final class BootScrubbingAppender extends ScrubbingAppender {
        final Appender<ILoggingEvent> inner;
        final ScrubberProperties options;

        BootScrubbingAppender(Appender<ILoggingEvent> inner, ScrubberProperties options) {
            this.inner = inner;
            this.options = options;
        }

        /** Stops this wrapper without stopping the appender it wrapped, which lives on unwrapped or rewrapped. */
        void release() {
            detachAppender(inner);
            stop();
        }
    }

    /** Wraps again whenever the context starts after a (re)configuration; survives {@code reset()}. */
    static final class Hook implements LoggerContextListener {
        volatile ScrubberProperties options;
        volatile MaskListener listener;

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onStart(LoggerContext context) {
            ScrubberProperties o = options;
            if (o != null) {
                wrapAll(context, o, listener);
            }
        }

        @Override
        public void onReset(LoggerContext context) {
            // The reset discards the appenders and our wrappers with them; onStart wraps the new ones.
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}
