package dev.scrubber.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Scrubber;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scrubs a whole exception tree (causes, suppressed, cyclic references): returns the original proxy when nothing in
 * it holds a secret, else a tree of {@link ScrubbedThrowableProxy}. Walks iteratively, so a 10,000-deep cause chain
 * costs 10,000 steps and no stack.
 */
final class ThrowableScrubber {
    /** {@code IThrowableProxy.getOverridingMessage()} exists since Logback 1.5.22. */
    private static final boolean HAS_OVERRIDING_MESSAGE = hasOverridingMessage();

    private final Scrubber scrubber;
    private final StatusReporter reporter;

    ThrowableScrubber(Scrubber scrubber, StatusReporter reporter) {
        this.scrubber = scrubber;
        this.reporter = reporter;
    }

    IThrowableProxy scrub(IThrowableProxy root) {
        if (root == null || isCleanChain(root)) {
            return root;
        }
        List<IThrowableProxy> nodes = new ArrayList<>();
        Map<IThrowableProxy, String[]> texts = new IdentityHashMap<>();
        ArrayDeque<IThrowableProxy> todo = new ArrayDeque<>();
        todo.push(root);
        boolean dirty = false;
        while (!todo.isEmpty()) {
            IThrowableProxy p = todo.pop();
            if (texts.containsKey(p)) {
                continue; // a custom proxy graph with a cycle: visit each node once
            }
            String[] scrubbed = scrubTexts(p);
            texts.put(p, scrubbed);
            nodes.add(p);
            dirty |= scrubbed[0] != p.getMessage() || scrubbed[1] != overridingMessage(p);
            if (p.getCause() != null) {
                todo.push(p.getCause());
            }
            IThrowableProxy[] sup = p.getSuppressed();
            if (sup != null) {
                for (IThrowableProxy s : sup) {
                    if (s != null) {
                        todo.push(s);
                    }
                }
            }
        }
        if (!dirty) {
            return root;
        }
        Map<IThrowableProxy, ScrubbedThrowableProxy> copies = new IdentityHashMap<>();
        for (IThrowableProxy p : nodes) {
            String[] t = texts.get(p);
            copies.put(p, new ScrubbedThrowableProxy(p, t[0], t[1]));
        }
        for (IThrowableProxy p : nodes) {
            ScrubbedThrowableProxy copy = copies.get(p);
            if (p.getCause() != null) {
                copy.cause = copies.get(p.getCause());
            }
            IThrowableProxy[] sup = p.getSuppressed();
            if (sup != null) {
                IThrowableProxy[] out = new IThrowableProxy[sup.length];
                int n = 0;
                for (IThrowableProxy s : sup) {
                    if (s != null) {
                        out[n++] = copies.get(s);
                    }
                }
                copy.suppressed = n == out.length ? out : java.util.Arrays.copyOf(out, n);
            }
        }
        return copies.get(root);
    }

    /**
     * The common case without allocating: a plain cause chain (no suppressed exceptions) whose messages are clean.
     * Bounded, because a custom proxy graph may loop.
     */
    private boolean isCleanChain(IThrowableProxy root) {
        int steps = 0;
        for (IThrowableProxy p = root; p != null; p = p.getCause()) {
            IThrowableProxy[] sup = p.getSuppressed();
            if ((sup != null && sup.length > 0) || ++steps > 100_000) {
                return false;
            }
            try {
                String message = p.getMessage();
                String overriding = overridingMessage(p);
                if (scrubber.scrub(message) != message || scrubber.scrub(overriding) != overriding) {
                    return false;
                }
            } catch (RuntimeException | Error e) {
                return false; // the full walk reports it and writes the placeholder
            }
        }
        return true;
    }

    /** [message, overriding message], each scrubbed or, when that fails, the placeholder. */
    private String[] scrubTexts(IThrowableProxy p) {
        String[] out = new String[2];
        try {
            out[0] = scrubber.scrub(p.getMessage());
        } catch (RuntimeException | Error e) {
            reporter.failed("an exception message", e);
            out[0] = FailPolicy.PLACEHOLDER_TEXT;
        }
        try {
            out[1] = scrubber.scrub(overridingMessage(p));
        } catch (RuntimeException | Error e) {
            reporter.failed("an exception message", e);
            out[1] = FailPolicy.PLACEHOLDER_TEXT;
        }
        return out;
    }

    private static String overridingMessage(IThrowableProxy p) {
        return HAS_OVERRIDING_MESSAGE ? p.getOverridingMessage() : null;
    }

    private static boolean hasOverridingMessage() {
        try {
            IThrowableProxy.class.getMethod("getOverridingMessage");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
