package dev.scrubber.log4j2;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Produces an exception graph (causes and suppressed, cycles included) whose every text is scrubbed: the original
 * when nothing in it needs masking, else a graph of {@link ScrubbedThrowable} copies. Graphs larger than
 * {@link #MAX_NODES} are cut (the rest could not be checked, so it is not written). Never throws.
 */
final class ThrowableScrubber {
    static final int MAX_NODES = 128;
    private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

    private final ScrubberRuntime runtime;

    ThrowableScrubber(ScrubberRuntime runtime) {
        this.runtime = runtime;
    }

    /** One exception of the graph with its scrubbed texts. */
    private static final class Node {
        final Throwable original;
        String message;
        String text;
        Throwable cause;
        Throwable[] suppressed = new Throwable[0];
        ScrubbedThrowable copy;
        final int index;

        Node(Throwable original, int index) {
            this.original = original;
            this.index = index;
        }
    }

    /** Whether writing {@code thrown} as it is would write anything unscrubbed. */
    boolean needsScrubbing(Throwable thrown) {
        return thrown != null && scrub(thrown, false) != thrown;
    }

    /** {@code thrown} itself when clean, else a scrubbed copy of its graph. */
    Throwable scrub(Throwable thrown) {
        return thrown == null ? null : scrub(thrown, true);
    }

    private Throwable scrub(Throwable root, boolean build) {
        Map<Throwable, Node> nodes = new IdentityHashMap<>();
        List<Node> order = new ArrayList<>();
        boolean dirty = false;
        boolean truncated = false;
        List<Throwable> pending = new ArrayList<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(pending.size() - 1);
            if (nodes.containsKey(t)) {
                continue;
            }
            if (nodes.size() == MAX_NODES) {
                truncated = true;
                break;
            }
            Node n = new Node(t, order.size());
            nodes.put(t, n);
            order.add(n);
            dirty |= describe(n);
            if (n.cause != null) {
                pending.add(n.cause);
            }
            for (Throwable s : n.suppressed) {
                if (s != null) {
                    pending.add(s);
                }
            }
        }
        if (!dirty && !truncated) {
            return root;
        }
        if (!build) {
            return null;
        }
        for (Node n : order) {
            n.copy = new ScrubbedThrowable(n.message, n.text, frames(n.original));
        }
        for (Node n : order) {
            link(n, nodes);
        }
        return nodes.get(root).copy;
    }

    /** Reads and scrubs the texts of one exception; returns whether anything was masked or failed. */
    private boolean describe(Node n) {
        Throwable t = n.original;
        boolean dirty = false;
        String message;
        try {
            message = t.getMessage();
        } catch (Throwable e) {
            runtime.failed("reading an exception message", e);
            message = ScrubberRuntime.PLACEHOLDER;
            dirty = true;
        }
        String scrubbedMessage = runtime.text(message);
        dirty |= scrubbedMessage != message;
        // Renderers that print getClass() (Log4j 2.24 %xEx, 2.25.0-2.25.3 %ex, JSON "className" fields) show the
        // stand-in class, so its message starts with the original class name.
        String className = t.getClass().getName();
        n.message = scrubbedMessage == null ? className : className + ": " + scrubbedMessage;
        String text;
        try {
            text = t.toString();
        } catch (Throwable e) {
            runtime.failed("rendering an exception", e);
            text = t.getClass().getName() + ": " + ScrubberRuntime.PLACEHOLDER;
            dirty = true;
        }
        String scrubbedText = runtime.text(text);
        dirty |= scrubbedText != text;
        n.text = scrubbedText;
        try {
            Throwable cause = t.getCause();
            n.cause = cause == t ? null : cause;
        } catch (Throwable e) {
            dirty = true;
        }
        try {
            n.suppressed = t.getSuppressed();
        } catch (Throwable e) {
            dirty = true;
        }
        return dirty;
    }

    /**
     * Links a copy to the copies of its cause and suppressed exceptions. Only links to exceptions discovered after
     * it are kept, so the copied graph has no cycle (some renderers, such as Log4j 2.24's, fail on cycles); a link
     * back becomes a leaf that names its target, as {@code printStackTrace} does for exceptions it already printed.
     */
    private static void link(Node n, Map<Throwable, Node> nodes) {
        if (n.cause != null) {
            n.copy.initCause(target(n, nodes.get(n.cause)));
        }
        for (Throwable s : n.suppressed) {
            n.copy.addSuppressed(target(n, s == null ? null : nodes.get(s)));
        }
    }

    private static ScrubbedThrowable target(Node from, Node to) {
        if (to == null) {
            return omitted();
        }
        if (to.index <= from.index) {
            String text = "[CIRCULAR REFERENCE: " + to.text + "]";
            return new ScrubbedThrowable(text, text, NO_FRAMES);
        }
        return to.copy;
    }

    private static ScrubbedThrowable omitted() {
        String text = "[further exceptions omitted by log-scrubber: more than " + MAX_NODES + " in one event]";
        return new ScrubbedThrowable(text, text, NO_FRAMES);
    }

    private static StackTraceElement[] frames(Throwable t) {
        try {
            StackTraceElement[] frames = t.getStackTrace();
            return frames == null ? NO_FRAMES : frames;
        } catch (Throwable e) {
            return NO_FRAMES;
        }
    }
}
