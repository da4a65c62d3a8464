package dev.scrubber.log4j2;

import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * A custom rule nested in any scrubbing component: {@code <Rule id="acme-key" regex="acme_[a-z0-9]{32}"/>}. The
 * regex is RE2 syntax (linear time); {@code keywords} is an optional comma-separated list of literals the engine
 * looks for before trying the regex. Validation happens when the enclosing component builds its scrubber.
 */
@Plugin(name = "Rule", category = Node.CATEGORY, printObject = true)
public final class ScrubRule {
    private final String id;
    private final String regex;
    private final String keywords;

    private ScrubRule(String id, String regex, String keywords) {
        this.id = id;
        this.regex = regex;
        this.keywords = keywords;
    }

    /** Called by Log4j for each {@code <Rule>} element. */
    @PluginFactory
    public static ScrubRule createRule(@PluginAttribute("id") String id, @PluginAttribute("regex") String regex,
            @PluginAttribute("keywords") String keywords) {
        return new ScrubRule(id, regex, keywords);
    }

    String id() {
        return id;
    }

    String regex() {
        return regex;
    }

    String keywords() {
        return keywords;
    }

    @Override
    public String toString() {
        return "Rule[id=" + id + "]";
    }
}
