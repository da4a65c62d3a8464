package dev.scrubber.log4j2;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * Test appender that keeps what its layout's {@code toByteArray} produced, the way the AWS Lambda appender and
 * socket appenders call layouts (file appenders cover {@code encode}).
 */
@Plugin(name = "Capture", category = Node.CATEGORY, elementType = "appender", printObject = true)
public final class CaptureAppender extends AbstractAppender {
    private static final Map<String, List<String>> OUTPUTS = new ConcurrentHashMap<>();

    private CaptureAppender(String name, Filter filter, Layout<? extends Serializable> layout) {
        super(name, filter, layout, false, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static CaptureAppender createAppender(@PluginAttribute("name") String name,
            @PluginElement("Layout") Layout<? extends Serializable> layout, @PluginElement("Filter") Filter filter) {
        OUTPUTS.put(name, new ArrayList<>());
        return new CaptureAppender(name, filter, layout);
    }

    @Override
    public void append(LogEvent event) {
        String text = new String(getLayout().toByteArray(event), StandardCharsets.UTF_8);
        List<String> out = OUTPUTS.get(getName());
        synchronized (out) {
            out.add(text);
        }
    }

    /** Everything the named appender received, one entry per event. */
    static List<String> output(String name) {
        List<String> out = OUTPUTS.get(name);
        if (out == null) {
            throw new IllegalStateException("no Capture appender named " + name);
        }
        synchronized (out) {
            return List.copyOf(out);
        }
    }
}
