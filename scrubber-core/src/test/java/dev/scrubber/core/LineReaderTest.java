package dev.scrubber.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LineReader}: lines as bytes with their terminators, long lines in bounded pieces (CLI and Spark). */
class LineReaderTest {
    /** A piece with where it is: line number and whether it continues its line. */
    private record Piece(String text, long line, boolean continues) {
    }

    private static List<Piece> read(InputStream in, int maxLine, byte[] input) throws IOException {
        LineReader reader = new LineReader(in, maxLine);
        List<Piece> out = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (reader.next()) {
            assertThat(reader.length()).isPositive().isLessThanOrEqualTo(maxLine);
            all.write(reader.data(), 0, reader.length());
            out.add(new Piece(new String(reader.data(), 0, reader.length(), StandardCharsets.UTF_8),
                    reader.lineNumber(), reader.continuesLine()));
        }
        assertThat(all.toByteArray()).as("the pieces are the input").isEqualTo(input);
        return out;
    }

    private static List<Piece> read(String text, int maxLine) throws IOException {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        return read(new ByteArrayInputStream(input), maxLine, input);
    }

    private static List<String> texts(List<Piece> pieces) {
        return pieces.stream().map(Piece::text).toList();
    }

    @Test
    void keepsTerminatorsAndALastLineWithoutOne() throws IOException {
        assertThat(read("a\r\nbb\n\nlast", LineReader.MAX_LINE)).containsExactly(new Piece("a\r\n", 1, false),
                new Piece("bb\n", 2, false), new Piece("\n", 3, false), new Piece("last", 4, false));
        assertThat(new LineReader(new ByteArrayInputStream(new byte[0])).next()).isFalse();
    }

    @Test
    void findsTheFirstNewlineAtEveryOffsetAndAmongHighBytes() {
        for (int len = 0; len < 40; len++) {
            for (int at = -1; at < len; at++) {
                byte[] b = new byte[len];
                Arrays.fill(b, (byte) 0x8A); // 0x0A with the high bit set must not count
                if (at >= 0) {
                    b[at] = '\n';
                    if (at + 3 < len) {
                        b[at + 3] = '\n';
                    }
                }
                assertThat(LineReader.indexOfNewline(b, 0, len)).as("len %d at %d", len, at).isEqualTo(at);
                if (at > 0) {
                    assertThat(LineReader.indexOfNewline(b, 1, len)).isEqualTo(at);
                }
            }
        }
        byte[] b = "0123456789\n".getBytes(StandardCharsets.UTF_8);
        assertThat(LineReader.indexOfNewline(b, 0, 10)).isEqualTo(-1);
    }

    @Test
    void cutsALongLineAfterASpaceUnderOneLineNumber() throws IOException {
        assertThat(read("aaaa bbbb cccc\nnext\n", 8)).containsExactly(new Piece("aaaa ", 1, false),
                new Piece("bbbb ", 1, true), new Piece("cccc\n", 1, true), new Piece("next\n", 2, false));
        List<Piece> pieces = read("word ".repeat(100) + "\nnext\n", 64);
        List<Piece> first = pieces.stream().filter(p -> p.line() == 1).toList();
        assertThat(first).hasSizeGreaterThan(5);
        assertThat(first.subList(0, first.size() - 1)).allSatisfy(p -> assertThat(p.text()).endsWith(" "));
        assertThat(first.get(first.size() - 1).text()).endsWith("\n");
        assertThat(pieces.get(pieces.size() - 1)).isEqualTo(new Piece("next\n", 2, false));
    }

    @Test
    void cutsAtTheLimitWhenThereIsNoSpace() throws IOException {
        assertThat(texts(read("abcdefghij\n", 4))).containsExactly("abcd", "efgh", "ij\n");
    }

    @Test
    void aCutWithoutSpacesNeverSplitsAUtf8Sequence() throws IOException {
        assertThat(texts(read("abc\u00e9\u00e9\n", 4))).containsExactly("abc", "\u00e9\u00e9", "\n");
        List<Piece> pieces = read("\u00e9\u4e2d".repeat(200) + "\n", 61);
        assertThat(pieces).hasSizeGreaterThan(5).allSatisfy(p -> assertThat(p.text()).doesNotContain("\ufffd"));
        assertThat(pieces.stream().map(Piece::line).distinct()).containsExactly(1L);
        assertThat(pieces.get(pieces.size() - 1).text()).endsWith("\n");
    }

    /** A cut that falls where the input's read ended looks at the next read for a continuation byte. */
    @Test
    void aCutAtTheEndOfAReadStillSeesTheNextByte() throws IOException {
        byte[] input = ("x".repeat(9) + "\u00e9" + "tail\n").getBytes(StandardCharsets.UTF_8); // 0xC3 at index 9
        List<Piece> pieces = read(new OneByteAtATime(input), 10, input);
        assertThat(texts(pieces)).containsExactly("x".repeat(9), "\u00e9tail\n");
    }

    /** Malformed bytes and lone CRs are bytes like others: the pieces are the input, whatever the reads' sizes. */
    @Test
    void anyBytesInAnyReadSizesComeBackAsTheyWere() throws IOException {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            byte[] input = new byte[random.nextInt(300)];
            for (int i = 0; i < input.length; i++) {
                int r = random.nextInt(10);
                input[i] = (byte) (r == 0 ? '\n' : r == 1 ? '\r' : r == 2 ? ' ' : random.nextInt(256));
            }
            int maxLine = 4 + random.nextInt(40);
            List<Piece> pieces = read(new OneByteAtATime(input), maxLine, input);
            long lines = pieces.stream().filter(p -> !p.continues()).count();
            assertThat(pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).line()).isEqualTo(lines);
        }
    }

    @Test
    void aLimitBelowOneUtf8SequenceIsRefused() {
        assertThatThrownBy(() -> new LineReader(new ByteArrayInputStream(new byte[0]), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Hands out one byte per read, as a slow pipe may. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] data;
        private int pos;

        OneByteAtATime(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            b[off] = data[pos++];
            return 1;
        }
    }
}
