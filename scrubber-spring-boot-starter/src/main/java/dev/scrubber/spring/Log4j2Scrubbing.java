package dev.scrubber.spring;

import dev.scrubber.core.MaskListener;
import dev.scrubber.core.ScrubberSettings;
import dev.scrubber.log4j2.ScrubbingPolicy;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.rewrite.RewriteAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Puts a {@code Rewrite} appender with a {@link ScrubbingPolicy} in front of every appender a Log4j2 logger
 * configuration refers to: Spring Boot's {@code log4j2.xml}/{@code log4j2-file.xml} defaults (console, file,
 * structured formats) or the user's own configuration. A {@code Rewrite} appender the user configured with a
 * {@code ScrubbingPolicy} stays as it is (no double wrapping).
 *
 * <p>Each (re)initialisation by Spring Boot, and each reconfiguration Log4j does by itself, gives the context a
 * new {@link Configuration}; a listener on the context's {@code config} property wraps each new one.
 */
final class Log4j2Scrubbing {
    private static final String PREFIX = "Scrubbed-";
    /** Per configuration: the options it was wrapped with and, per wrapper name, the appender it wraps. */
    private static final Map<Configuration, Wrapped> WRAPPED = new WeakHashMap<>();

    private Log4j2Scrubbing() {
    }

    /** Wraps now and after every later reconfiguration; {@code options == null} removes our wrappers. */
    static void install(LoggerContext context, ScrubberProperties options, MaskListener listener) {
        Hook hook = (Hook) context.getObject(Hook.KEY);
        if (hook == null && options == null) {
            return;
        }
        if (hook == null) {
            hook = new Hook(context);
            context.putObject(Hook.KEY, hook);
            context.addPropertyChangeListener(hook);
        }
        hook.options = options;
        hook.listener = listener;
        wrapAll(context, context.getConfiguration(), options, listener);
    }

    static synchronized void wrapAll(LoggerContext context, Configuration config, ScrubberProperties options,
            MaskListener listener) {
        Wrapped done = WRAPPED.get(config);
        if (done != null) {
            if (options != null && done.options.key().equals(options.key())) {
                return;
            }
            unwrap(config, done);
            WRAPPED.remove(config);
        }
        if (options == null) {
            context.updateLoggers();
            return;
        }
        Wrapped wrapped = new Wrapped(options);
        Set<String> scrubbedByUser = appendersWithScrubbingPolicy(config);
        ScrubberSettings settings = settings(options);
        List<LoggerConfig> loggers = new ArrayList<>(config.getLoggers().values());
        if (!loggers.contains(config.getRootLogger())) {
            loggers.add(config.getRootLogger());
        }
        Map<String, Appender> wrappers = new HashMap<>();
        for (LoggerConfig logger : loggers) {
            for (Map.Entry<String, Appender> e : new ArrayList<>(logger.getAppenders().entrySet())) {
                String name = e.getKey();
                if (scrubbedByUser.contains(name) || config.getAppender(name) != e.getValue()) {
                    continue; // the user's own scrubbing, or an appender the configuration does not know by name
                }
                Appender wrapper = wrappers.computeIfAbsent(name, n -> {
                    RewriteAppender w = RewriteAppender.createAppender(PREFIX + n, "true",
                            new AppenderRef[] {AppenderRef.createAppenderRef(n, null, null)}, config,
                            ScrubbingPolicy.create(settings, listener), null);
                    w.start();
                    config.addAppender(w);
                    wrapped.originals.put(w.getName(), n);
                    return w;
                });
                replace(logger, name, wrapper);
            }
        }
        WRAPPED.put(config, wrapped);
        context.updateLoggers();
    }

    private static ScrubberSettings settings(ScrubberProperties options) {
        try {
            return options.toSettings();
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("log-scrubber (Spring Boot): invalid scrubber.* option: {}. Every event is"
                    + " written as a placeholder.", e.getMessage());
            return null; // the policy fails closed
        }
    }

    /** Moves {@code logger}'s reference from appender {@code name} to {@code replacement}, keeping level and filter. */
    private static void replace(LoggerConfig logger, String name, Appender replacement) {
        AppenderRef ref = null;
        for (AppenderRef r : logger.getAppenderRefs()) {
            if (name.equals(r.getRef())) {
                ref = r;
            }
        }
        logger.removeAppender(name);
        logger.addAppender(replacement, ref == null ? null : ref.getLevel(), ref == null ? null : ref.getFilter());
    }

    private static void unwrap(Configuration config, Wrapped done) {
        List<LoggerConfig> loggers = new ArrayList<>(config.getLoggers().values());
        loggers.add(config.getRootLogger());
        for (LoggerConfig logger : loggers) {
            for (String name : new ArrayList<>(logger.getAppenders().keySet())) {
                String original = done.originals.get(name);
                if (original != null && config.getAppender(original) != null) {
                    replace(logger, name, config.getAppender(original));
                }
            }
        }
        for (String wrapper : done.originals.keySet()) {
            Appender w = config.getAppender(wrapper);
            if (w != null && config instanceof AbstractConfiguration c) {
                c.removeAppender(wrapper);
                w.stop();
            }
        }
    }

    /** Names of the {@code Rewrite} appenders whose policy is a {@link ScrubbingPolicy}. */
    private static Set<String> appendersWithScrubbingPolicy(Configuration config) {
        Set<String> names = new HashSet<>();
        for (Appender a : config.getAppenders().values()) {
            if (a instanceof RewriteAppender && policyOf(a) instanceof ScrubbingPolicy) {
                names.add(a.getName());
            }
        }
        return names;
    }

    /** A Rewrite appender's policy; Log4j has no getter for it. */
    private static Object policyOf(Appender rewrite) {
        try {
            java.lang.reflect.Field f = RewriteAppender.class.getDeclaredField("rewritePolicy");
            f.setAccessible(true);
            return f.get(rewrite);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not ours to recognise: it gets wrapped (masks are never re-masked)
        }
    }

    private static final class Wrapped {
        final ScrubberProperties options;
        final Map<String, String> originals = new HashMap<>();

        Wrapped(ScrubberProperties options) {
            this.options = options;
        }
    }

    /** Wraps each configuration the context switches to. */
    static final class Hook implements PropertyChangeListener {
        static final String KEY = Hook.class.getName();
        private final LoggerContext context;
        volatile ScrubberProperties options;
        volatile MaskListener listener;

        Hook(LoggerContext context) {
            this.context = context;
        }

        @Override
        public void propertyChange(PropertyChangeEvent event) {
            ScrubberProperties o = options;
            if (o != null && LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName())
                    && event.getNewValue() instanceof Configuration config) {
                try {
                    wrapAll(context, config, o, listener);
                } catch (RuntimeException e) {
                    StatusLogger.getLogger().error("log-scrubber (Spring Boot): could not wrap the appenders of the new"
                            + " configuration: {}", e.toString());
                }
            }
        }
    }
}
