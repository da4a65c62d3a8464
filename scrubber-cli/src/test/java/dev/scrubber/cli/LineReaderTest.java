package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static List<String> pieces(LineReader reader, List<String> positions) throws IOException {
        List<String> out = new ArrayList<>();
        Bytes bytes = new Bytes();
        while (reader.next(bytes)) {
            out.add(new String(bytes.data, 0, bytes.length, StandardCharsets.UTF_8));
            positions.add(reader.lineNumber() + ":" + reader.continuesLine());
            bytes.clear();
        }
        return out;
    }

    private static ByteArrayInputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsTerminatorsAndALastLineWithoutOne() throws IOException {
        List<String> positions = new ArrayList<>();
        assertThat(pieces(new LineReader(input("a\r\nb\n\nc")), positions))
                .containsExactly("a\r\n", "b\n", "\n", "c");
        assertThat(positions).containsExactly("1:false", "2:false", "3:false", "4:false");
    }

    @Test
    void findsTheFirstNewlineAtEveryOffsetAndAmongHighBytes() {
        for (int len = 0; len < 40; len++) {
            for (int at = -1; at < len; at++) {
                byte[] b = new byte[len];
                java.util.Arrays.fill(b, (byte) 0x8A); // 0x0A with the high bit set must not count
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
    void cutsALongLineAfterASpaceAndKeepsItsNumberAndColumns() throws IOException {
        List<String> positions = new ArrayList<>();
        List<String> pieces = pieces(new LineReader(input("aaaa bbbb cccc\nnext\n"), 8), positions);
        assertThat(pieces).containsExactly("aaaa ", "bbbb ", "cccc\n", "next\n");
        assertThat(positions).containsExactly("1:false", "1:true", "1:true", "2:false");
    }

    @Test
    void cutsAtTheLimitWhenThereIsNoSpace() throws IOException {
        List<String> pieces = pieces(new LineReader(input("abcdefghij\n"), 4), new ArrayList<>());
        assertThat(pieces).containsExactly("abcd", "efgh", "ij\n");
    }

    @Test
    void neverSplitsAUtf8SequenceWhenCuttingWithoutASpace() throws IOException {
        List<String> pieces = pieces(new LineReader(input("abc\u00e9\u00e9\n"), 4), new ArrayList<>());
        assertThat(pieces).containsExactly("abc", "\u00e9\u00e9", "\n");
    }

    @Test
    void joinsAPrivateKeyBlockIntoOneWindowAndBoundsIt() throws IOException {
        String begin = "-----BEGIN " + "EC PRIVATE KEY-----\n";
        String block = begin + "AAAA\nBBBB\n-----END " + "EC PRIVATE KEY-----\n";
        String text = "x\n" + block + "y\n";
        LineWindows windows = new LineWindows(new LineReader(input(text)), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        while (windows.next()) {
            out.add(windows.text().toString());
        }
        assertThat(out).containsExactly("x\n", block, "y\n");

        String endless = begin + "QUJD\n".repeat(LineWindows.MAX_BLOCK_LINES + 10);
        LineWindows bounded = new LineWindows(new LineReader(input(endless)), StandardCharsets.UTF_8);
        assertThat(bounded.next()).isTrue();
        assertThat(bounded.text().toString().split("\n")).hasSize(LineWindows.MAX_BLOCK_LINES);
        assertThat(bounded.lineOf(bounded.text().length() - 1)).isEqualTo(LineWindows.MAX_BLOCK_LINES);
        assertThat(bounded.next()).isTrue();
        assertThat(bounded.text().toString()).isEqualTo("QUJD\n");
    }
}
