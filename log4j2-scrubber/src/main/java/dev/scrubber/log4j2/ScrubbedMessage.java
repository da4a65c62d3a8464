package dev.scrubber.log4j2;

import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The message of a scrubbed event: the scrubbed formatted text, scrubbed parameters (strings, or the immutable
 * boxed values they were) and the scrubbed exception. Immutable; holds nothing of the original event.
 */
final class ScrubbedMessage implements Message, StringBuilderFormattable {
    private static final long serialVersionUID = 1L;
    private static final Object[] NO_PARAMETERS = new Object[0];

    private final String text;
    private final Object[] parameters;
    private final transient Throwable thrown;

    ScrubbedMessage(String text, Object[] parameters, Throwable thrown) {
        this.text = text;
        this.parameters = parameters == null ? NO_PARAMETERS : parameters;
        this.thrown = thrown;
    }

    @Override
    public String getFormattedMessage() {
        return text;
    }

    /** The scrubbed text: the original format may itself hold a secret concatenated into it. */
    @Override
    @SuppressWarnings("deprecation") // deprecated in Message since 2.26, abstract before
    public String getFormat() {
        return text;
    }

    @Override
    public Object[] getParameters() {
        return parameters.clone();
    }

    @Override
    public Throwable getThrowable() {
        return thrown;
    }

    @Override
    public void formatTo(StringBuilder buffer) {
        buffer.append(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
