package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vocabulary lookup against the obvious linear search: for random ranges of text made of listed words, their
 * pieces, case changes and non-Latin-1 characters, {@link WordSet#indexOf} and {@link WordSet#endings} answer what
 * comparing every listed word would.
 */
class WordSetTest {
    private static final String[] LONG_AND_SHORT = {"a", "id", "key", "token", "password", "passphrase",
        "authorization", "credentials", "credential", "text", "plaintext", "cleartext", "idempotency",
        "deduplication", "s3", "n/a", "<secret>", "change_me"};
    private static final String[] EXACT = {"String", "string", "ENV", "The", "the", "a", "A", "val"};

    @Test
    void lookupsAgreeWithALinearSearch() {
        Random random = new Random(20261202);
        WordSet folded = WordSet.ignoringCase(LONG_AND_SHORT);
        WordSet exact = WordSet.exact(EXACT);
        WordSet catalog = WordSet.ignoringCase(SensitiveKeys.NON_SECRET_KEY_QUALIFIERS);
        for (int round = 0; round < 20_000; round++) {
            String text = text(random);
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            assertThat(folded.indexOf(text, from, to)).as("%s [%d, %d)", text, from, to)
                    .isEqualTo(linearIndex(LONG_AND_SHORT, text, from, to, true));
            assertThat(exact.indexOf(text, from, to)).as("%s [%d, %d)", text, from, to)
                    .isEqualTo(linearIndex(EXACT, text, from, to, false));
            assertThat(catalog.indexOf(text, from, to)).as("%s [%d, %d)", text, from, to)
                    .isEqualTo(linearIndex(SensitiveKeys.NON_SECRET_KEY_QUALIFIERS, text, from, to, true));
            int most = random.nextInt(16);
            assertThat(folded.endings(text, from, to, most)).as("%s [%d, %d) ≤ %d", text, from, to, most)
                    .isEqualTo(linearEndings(LONG_AND_SHORT, text, from, to, most));
        }
    }

    @Test
    void wordsMustBeAsciiAndFoldedWhenCaseIsIgnored() {
        assertThatThrownBy(() -> WordSet.ignoringCase("Token")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WordSet.exact("t\u00f6ken")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WordSet.exact("")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Listed words and their pieces, in random case, glued or separated, with the odd non-Latin-1 character. */
    private static String text(Random random) {
        List<String> pool = new ArrayList<>(List.of(LONG_AND_SHORT));
        pool.addAll(List.of(EXACT));
        pool.addAll(List.of(SensitiveKeys.NON_SECRET_KEY_QUALIFIERS));
        StringBuilder out = new StringBuilder();
        int words = 1 + random.nextInt(4);
        for (int w = 0; w < words; w++) {
            String word = pool.get(random.nextInt(pool.size()));
            if (random.nextInt(4) == 0) {
                word = word.substring(random.nextInt(word.length()));
            }
            for (char c : word.toCharArray()) {
                int dice = random.nextInt(12);
                out.append(dice == 0 ? Character.toUpperCase(c) : dice == 1 ? (char) (c + 0x100) : c);
            }
            if (random.nextBoolean()) {
                out.append(" _-.".charAt(random.nextInt(4)));
            }
        }
        return out.toString();
    }

    private static int linearIndex(String[] words, String text, int from, int to, boolean ignoreCase) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() == to - from && text.regionMatches(ignoreCase, from, words[i], 0, to - from)
                    && (!ignoreCase || asciiFoldsTo(text, from, words[i]))) {
                return i;
            }
        }
        return -1;
    }

    private static long linearEndings(String[] words, String text, int from, int to, int most) {
        long found = 0;
        for (int i = 0; i < words.length && i < 64; i++) {
            int len = words[i].length();
            if (len <= most && len <= to - from && linearIndex(new String[] {words[i]}, text, to - len, to, true) == 0) {
                found |= 1L << i;
            }
        }
        return found;
    }

    /** {@code regionMatches} folds beyond ASCII (U+0130, U+212A); the library folds ASCII only. */
    private static boolean asciiFoldsTo(String text, int from, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Text.lowerAscii(text.charAt(from + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
