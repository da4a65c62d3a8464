package dev.scrubber.log4j2;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.impl.LocationAware;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.GelfLayout;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.layout.StringBuilderEncoder;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Wraps any string layout and masks credentials in everything it produces, whichever way an appender asks for it:
 * {@link #encode} (file and console appenders), {@link #toByteArray} (the AWS Lambda appender, socket appenders),
 * {@link #toSerializable}, and the header and footer.
 *
 * <pre>{@code
 * <Console name="Out" target="SYSTEM_OUT">
 *   <ScrubbingLayout>
 *     <JsonTemplateLayout eventTemplateUri="classpath:EcsLayout.json"/>
 *   </ScrubbingLayout>
 * </Console>
 * }</pre>
 *
 * <p>In garbage-free mode it adds no garbage to a clean event: the wrapped layout writes into a reused per-thread
 * buffer (a {@link PatternLayout} directly as text, others as bytes that are decoded again), the text is scrubbed
 * in place and encoded into the destination. A {@link GelfLayout} is asked for its uncompressed text, so the
 * output is uncompressed whatever its {@code compressionType}. It never throws: output that cannot be produced or
 * scrubbed is written as {@code [REDACTED:scrub-failed]}, and the first failure is reported through the status
 * logger.
 */
@Plugin(name = "ScrubbingLayout", category = Node.CATEGORY, elementType = Layout.ELEMENT_TYPE, printObject = true)
public final class ScrubbingLayout implements StringLayout, LocationAware {
    private final StringLayout inner;
    private final Charset charset;
    private final ScrubberRuntime runtime;
    private final StringBuilderEncoder encoder;
    private final ThreadLocal<LayoutBuffers> buffers = new ThreadLocal<>();

    private ScrubbingLayout(StringLayout inner, ScrubberRuntime runtime) {
        this.inner = inner;
        this.charset = inner.getCharset() == null ? StandardCharsets.UTF_8 : inner.getCharset();
        this.runtime = runtime;
        this.encoder = new StringBuilderEncoder(charset);
    }

    /**
     * Called by Log4j for each {@code <ScrubbingLayout>} element; the attributes are described in docs/log4j2.md.
     * Without a nested layout, or with one that does not produce text, it scrubs a {@code %m%n} pattern instead
     * and reports a configuration error.
     */
    @PluginFactory
    public static ScrubbingLayout createLayout(
            @PluginElement("Layout") Layout<? extends Serializable> layout,
            @PluginConfiguration Configuration configuration,
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
        StringLayout inner;
        if (layout instanceof StringLayout stringLayout) {
            inner = stringLayout;
        } else {
            StatusLogger.getLogger().error("log-scrubber ScrubbingLayout: needs one nested layout that writes text, found {};"
                    + " using %m%n", layout == null ? "none" : layout.getClass().getName());
            inner = PatternLayout.createDefaultLayout(configuration);
        }
        return new ScrubbingLayout(inner, ScrubberRuntime.create("ScrubbingLayout", options));
    }

    /** The layout whose output is scrubbed. */
    public Layout<? extends Serializable> getWrappedLayout() {
        return inner;
    }

    @Override
    public void encode(LogEvent event, ByteBufferDestination destination) {
        LayoutBuffers b = acquire();
        try {
            renderScrubbed(event, b);
            encoder.encode(b.text, destination);
        } finally {
            release(b);
        }
    }

    @Override
    public String toSerializable(LogEvent event) {
        LayoutBuffers b = acquire();
        try {
            renderScrubbed(event, b);
            return b.text.toString();
        } finally {
            release(b);
        }
    }

    @Override
    public byte[] toByteArray(LogEvent event) {
        return toSerializable(event).getBytes(charset);
    }

    @Override
    public byte[] getHeader() {
        return scrubbedBytes(true);
    }

    @Override
    public byte[] getFooter() {
        return scrubbedBytes(false);
    }

    @Override
    public Charset getCharset() {
        return charset;
    }

    @Override
    public String getContentType() {
        return inner.getContentType();
    }

    @Override
    public Map<String, String> getContentFormat() {
        return inner.getContentFormat();
    }

    @Override
    public boolean requiresLocation() {
        return inner instanceof LocationAware aware && aware.requiresLocation();
    }

    @Override
    public String toString() {
        return "ScrubbingLayout[" + inner + "]";
    }

    /** Leaves the scrubbed output of the wrapped layout, or the placeholder, in {@code b.text}. */
    private void renderScrubbed(LogEvent event, LayoutBuffers b) {
        String previous = runtime.enter(event.getLoggerName());
        try {
            try {
                render(event, b);
            } catch (Throwable t) {
                runtime.failed("the wrapped layout", t);
                b.text.setLength(0);
                b.text.append(ScrubberRuntime.PLACEHOLDER).append(System.lineSeparator());
                return;
            }
            runtime.inPlace(event, b.text, 0);
        } finally {
            runtime.exit(previous);
        }
    }

    private void render(LogEvent event, LayoutBuffers b) {
        b.text.setLength(0);
        if (inner instanceof PatternLayout pattern) {
            pattern.serialize(event, b.text);
        } else if (inner instanceof GelfLayout) {
            b.text.append(inner.toSerializable(event)); // its bytes may be compressed; its text never is
        } else {
            inner.encode(event, b.capture);
            b.decodeCapture();
        }
    }

    private byte[] scrubbedBytes(boolean header) {
        try {
            byte[] raw = header ? inner.getHeader() : inner.getFooter();
            if (raw == null) {
                return null;
            }
            String text = new String(raw, charset);
            String scrubbed = runtime.text(text);
            return scrubbed == text ? raw : scrubbed.getBytes(charset);
        } catch (Throwable t) {
            runtime.failed(header ? "the wrapped layout's header" : "the wrapped layout's footer", t);
            return ScrubberRuntime.PLACEHOLDER.getBytes(charset);
        }
    }

    private LayoutBuffers acquire() {
        LayoutBuffers b = Constants.ENABLE_THREADLOCALS ? buffers.get() : null;
        if (b == null || b.busy) {
            b = new LayoutBuffers(charset);
            if (Constants.ENABLE_THREADLOCALS && buffers.get() == null) {
                buffers.set(b);
            }
        }
        b.busy = true;
        return b;
    }

    private static void release(LayoutBuffers b) {
        b.release();
    }
}
