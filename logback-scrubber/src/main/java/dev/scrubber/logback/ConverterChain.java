package dev.scrubber.logback;

import ch.qos.logback.core.pattern.Converter;
import java.lang.reflect.Field;

/**
 * Re-links a compiled converter chain. Logback only lets a converter's successor be set once, so putting a scrubbing
 * wrapper in place of a following {@code %ex} needs the package-private {@code next} field. Where reflection is
 * not allowed (Logback on the module path), callers fall back to reporting the unscrubbed converter.
 */
final class ConverterChain {
    private static final Field NEXT = nextField();

    private ConverterChain() {
    }

    static boolean replaceNext(Converter<?> previous, Converter<?> replacement) {
        if (NEXT == null) {
            return false;
        }
        try {
            NEXT.set(previous, replacement);
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }

    private static Field nextField() {
        try {
            Field f = Converter.class.getDeclaredField("next");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
