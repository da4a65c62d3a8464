package dev.scrubber.bench;

import java.io.Serializable;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.appender.AbstractOutputStreamAppender;
import org.apache.logging.log4j.core.appender.OutputStreamManager;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * A Log4j2 appender that encodes every event like a file appender (garbage-free through the manager's byte
 * buffer) and throws the bytes away, so end-to-end benchmarks time logging without disk I/O.
 */
@Plugin(name = "Discard", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class DiscardAppender extends AbstractOutputStreamAppender<OutputStreamManager> {
    private final CapturingStream stream;

    private DiscardAppender(String name, Layout<? extends Serializable> layout, CapturingStream stream) {
        super(name, layout, null, true, false, Property.EMPTY_ARRAY, new DiscardManager(layout, stream));
        this.stream = stream;
    }

    /** Starts keeping what is written, for a setup check. */
    void startCapture() {
        stream.startCapture();
    }

    /** Flushes the manager's buffer and returns what was written since {@link #startCapture()}. */
    String stopCapture() {
        getManager().flush();
        return stream.stopCapture();
    }

    /** Called by Log4j for each {@code <Discard name="..."><SomeLayout/></Discard>} element. */
    @PluginFactory
    public static DiscardAppender create(@PluginAttribute("name") String name,
            @PluginElement("Layout") Layout<? extends Serializable> layout) {
        return new DiscardAppender(name, layout, new CapturingStream());
    }

    private static final class DiscardManager extends OutputStreamManager {
        DiscardManager(Layout<?> layout, CapturingStream stream) {
            super(stream, "discard", layout, false, 8192);
        }
    }
}
