package dev.scrubber.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
    /** {@code IThrowableProxy.getOverridingMessage()}, a default method since Logback 1.5.22; null before. */
    private static final MethodHandle OVERRIDING_MESSAGE = overridingMessageHandle();

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
        Map<IThrowableProxy, Texts> texts = new IdentityHashMap<>();
        ArrayDeque<IThrowableProxy> todo = new ArrayDeque<>();
        todo.push(root);
        boolean dirty = false;
        while (!todo.isEmpty()) {
            IThrowableProxy p = todo.pop();
            if (texts.containsKey(p)) {
                continue; // a custom proxy graph with a cycle: visit each node once
            }
            Texts scrubbed = scrubTexts(p);
            texts.put(p, scrubbed);
            nodes.add(p);
            dirty |= scrubbed.changed();
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
            Texts t = texts.get(p);
            copies.put(p, new ScrubbedThrowableProxy(p, t.message(), t.overridingMessage()));
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
        reporter.mute(true); // the full walk that follows a dirty answer reports the maskings
        try {
            return isCleanChainMuted(root);
        } finally {
            reporter.mute(false);
        }
    }

    private boolean isCleanChainMuted(IThrowableProxy root) {
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

    /** A node's message and overriding message, each scrubbed or, when that fails, the placeholder. */
    private Texts scrubTexts(IThrowableProxy p) {
        boolean changed = false;
        String message;
        try {
            String raw = p.getMessage();
            message = scrubber.scrub(raw);
            changed = message != raw;
        } catch (RuntimeException | Error e) {
            reporter.failed("an exception message", e);
            message = FailPolicy.PLACEHOLDER_TEXT;
            changed = true;
        }
        String overriding;
        try {
            String raw = overridingMessage(p);
            overriding = scrubber.scrub(raw);
            changed |= overriding != raw;
        } catch (RuntimeException | Error e) {
            reporter.failed("an exception message", e);
            overriding = FailPolicy.PLACEHOLDER_TEXT;
            changed = true;
        }
        return new Texts(message, overriding, changed);
    }

    private record Texts(String message, String overridingMessage, boolean changed) {
    }

    private static String overridingMessage(IThrowableProxy p) {
        if (OVERRIDING_MESSAGE == null) {
            return overridingMessageBefore1522(p);
        }
        try {
            return (String) OVERRIDING_MESSAGE.invokeExact(p);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Before 1.5.22 Logback ignores an overriding {@code toString()}, but consumers of
     * {@code ThrowableProxy.getThrowable()} print it, so it is read here as 1.5.22 would.
     */
    private static String overridingMessageBefore1522(IThrowableProxy p) {
        if (!(p instanceof ThrowableProxy tp) || tp.getThrowable() == null) {
            return null;
        }
        String text = tp.getThrowable().toString();
        String message = p.getMessage();
        String nominal = message == null ? p.getClassName() : p.getClassName() + ": " + message;
        return nominal.equals(text) ? null : text;
    }

    /** Looked up rather than called directly so that this class also compiles against Logback before 1.5.22. */
    private static MethodHandle overridingMessageHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(IThrowableProxy.class, "getOverridingMessage",
                    MethodType.methodType(String.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
