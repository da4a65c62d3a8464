package dev.scrubber.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exception of a scrubbed exception tree: scrubbed message and overriding message, the original class name,
 * frames, common-frame count and cyclic flag. It extends {@link ThrowableProxy} (rather than only implementing the
 * interface) so that consumers which require a {@code ThrowableProxy} keep working, and {@link #getThrowable()}
 * returns a {@link ScrubbedThrowable} tree, never the original exception.
 */
final class ScrubbedThrowableProxy extends ThrowableProxy {
    /** What the superclass constructor walks: nothing, so building a node costs almost nothing. */
    private static final Throwable BLANK = new Blank();

    private final String className;
    private final String message;
    private final String overridingMessage;
    private final StackTraceElementProxy[] frames;
    private final int commonFrames;
    private final boolean cyclic;
    // Set once by ThrowableScrubber before the tree is published.
    IThrowableProxy cause;
    IThrowableProxy[] suppressed = new IThrowableProxy[0];
    private volatile Throwable throwable;

    ScrubbedThrowableProxy(IThrowableProxy original, String message, String overridingMessage) {
        super(BLANK);
        this.className = original.getClassName();
        this.message = message;
        this.overridingMessage = overridingMessage;
        StackTraceElementProxy[] steps = original.getStackTraceElementProxyArray();
        this.frames = steps != null ? steps : new StackTraceElementProxy[0];
        this.commonFrames = original.getCommonFrames();
        this.cyclic = original.isCyclic();
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public String getMessage() {
        return message;
    }

    /**
     * Overrides the interface default added in Logback 1.5.22 (no {@code @Override}, so that this compiles against
     * older versions, where nothing calls it).
     */
    public String getOverridingMessage() {
        return overridingMessage;
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return frames;
    }

    @Override
    public int getCommonFrames() {
        return commonFrames;
    }

    @Override
    public boolean isCyclic() {
        return cyclic;
    }

    @Override
    public IThrowableProxy getCause() {
        return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        return suppressed;
    }

    /** Packaging data lives in the shared frame proxies, computed on the original proxy if enabled. */
    @Override
    public void calculatePackagingData() {
    }

    /** A scrubbed stand-in tree built on first use; the original exception is never exposed. */
    @Override
    public Throwable getThrowable() {
        Throwable t = throwable;
        if (t == null) {
            t = buildStandIns(this);
            throwable = t;
        }
        return t;
    }

    String firstLine() {
        if (overridingMessage != null) {
            return overridingMessage;
        }
        return message == null ? className : className + ": " + message;
    }

    /** Iterative, so a cause chain thousands deep cannot overflow the stack. */
    private static Throwable buildStandIns(ScrubbedThrowableProxy root) {
        Map<IThrowableProxy, Throwable> built = new IdentityHashMap<>();
        List<IThrowableProxy> order = new ArrayList<>();
        ArrayDeque<IThrowableProxy> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            IThrowableProxy p = todo.pop();
            if (built.containsKey(p)) {
                continue;
            }
            built.put(p, standIn(p));
            order.add(p);
            if (p.getCause() != null) {
                todo.push(p.getCause());
            }
            IThrowableProxy[] sup = p.getSuppressed();
            if (sup != null) {
                for (IThrowableProxy s : sup) {
                    todo.push(s);
                }
            }
        }
        for (IThrowableProxy p : order) {
            Throwable t = built.get(p);
            if (p.getCause() != null) {
                Throwable c = built.get(p.getCause());
                if (c != t) {
                    t.initCause(c);
                }
            }
            IThrowableProxy[] sup = p.getSuppressed();
            if (sup != null) {
                for (IThrowableProxy s : sup) {
                    Throwable st = built.get(s);
                    if (st != t) {
                        t.addSuppressed(st);
                    }
                }
            }
        }
        return built.get(root);
    }

    private static Throwable standIn(IThrowableProxy p) {
        StackTraceElementProxy[] steps = p.getStackTraceElementProxyArray();
        StackTraceElement[] frames = new StackTraceElement[steps == null ? 0 : steps.length];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = steps[i].getStackTraceElement();
        }
        String firstLine = p instanceof ScrubbedThrowableProxy s ? s.firstLine() : p.getClassName();
        return new ScrubbedThrowable(p.getMessage(), firstLine, frames);
    }

    private static final class Blank extends Throwable {
        private static final long serialVersionUID = 1L;

        Blank() {
            super(null, null, false, false);
        }
    }
}
