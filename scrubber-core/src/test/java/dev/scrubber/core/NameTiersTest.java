package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The remembered tiers against classifying every time: names built from the vocabulary's words in every notation,
 * met in random order and again (hits, misses, names that share a slot and evict each other, names longer than the
 * cache keeps, non-Latin-1 characters), inside longer texts at random offsets.
 */
class NameTiersTest {
    private static final String[] SEPARATORS = {"", "_", "-", ".", " "};

    @Test
    void rememberedTiersAreTheTiersOfTheNames() {
        Random random = new Random(20261203);
        List<String> words = new ArrayList<>();
        words.addAll(List.of(SensitiveKeys.PASSWORD_HEADS));
        words.addAll(List.of(SensitiveKeys.CREDENTIAL_HEADS));
        words.addAll(List.of(SensitiveKeys.QUALIFIED_HEADS));
        words.addAll(List.of(SensitiveKeys.VALUE_SUFFIXES));
        words.addAll(List.of(SensitiveKeys.NON_SECRET_TOKEN_QUALIFIERS));
        words.addAll(List.of(SensitiveKeys.GLUED_QUALIFIERS));
        words.addAll(List.of("prompt", "user", "id", "count", "t\u00f6ken", "\u0100pi"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String name = name(random, words);
            names.add(name);
            // the same length, one character apart: only a whole compare tells them from the name
            names.add('x' + name.substring(1));
            names.add(name.substring(0, name.length() - 1) + 'x');
        }
        for (NameTiers tiers : List.of(new NameTiers(), new NameTiers(1))) {
            assertSameTiers(tiers, names, random);
        }
    }

    private static void assertSameTiers(NameTiers tiers, List<String> names, Random random) {
        int sensitive = 0;
        for (int round = 0; round < 40_000; round++) {
            String name = names.get(random.nextInt(random.nextBoolean() ? 6 : names.size())); // a few recur often
            String before = random.nextBoolean() ? "" : "x=1 ";
            String text = before + name + "=v";
            int from = before.length();
            int to = from + name.length();
            int expected = SensitiveKeys.classify(text, from, to);
            assertThat(tiers.classify(text, from, to)).as(name).isEqualTo(expected);
            sensitive += expected == SensitiveKeys.NONE ? 0 : 1;
        }
        assertThat(sensitive).as("the names cover sensitive and ordinary ones").isBetween(4_000, 36_000);
    }

    /** One to four words in one notation (camel case too), sometimes longer than the cache keeps. */
    private static String name(Random random, List<String> words) {
        String separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
        boolean camel = separator.isEmpty() && random.nextBoolean();
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 8 : 3);
        for (int w = 0; w < count; w++) {
            String word = words.get(random.nextInt(words.size()));
            if (w > 0) {
                out.append(separator);
            }
            if (camel && w > 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            } else if (random.nextInt(5) == 0) {
                word = word.toUpperCase(java.util.Locale.ROOT);
            }
            out.append(word);
        }
        return out.toString();
    }
}
