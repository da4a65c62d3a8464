package dev.scrubber.log4j2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/** Test layout that fails on every event whose message contains "explode", to inject layout faults. */
@Plugin(name = "ExplodingLayout", category = Node.CATEGORY, elementType = Layout.ELEMENT_TYPE)
public final class ExplodingLayout implements StringLayout {

    @PluginFactory
    public static ExplodingLayout createLayout() {
        return new ExplodingLayout();
    }

    @Override
    public String toSerializable(LogEvent event) {
        String message = event.getMessage().getFormattedMessage();
        if (message.contains("explode")) {
            throw new IllegalStateException("layout failure while rendering " + message);
        }
        return message + "\n";
    }

    @Override
    public byte[] toByteArray(LogEvent event) {
        return toSerializable(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void encode(LogEvent event, ByteBufferDestination destination) {
        byte[] bytes = toByteArray(event);
        destination.writeBytes(bytes, 0, bytes.length);
    }

    @Override
    public byte[] getHeader() {
        return null;
    }

    @Override
    public byte[] getFooter() {
        return null;
    }

    @Override
    public Charset getCharset() {
        return StandardCharsets.UTF_8;
    }

    @Override
    public String getContentType() {
        return "text/plain";
    }

    @Override
    public Map<String, String> getContentFormat() {
        return Map.of();
    }
}
