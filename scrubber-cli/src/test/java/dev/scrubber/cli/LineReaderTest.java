package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static List<String> pieces(LineReader reader, List<String> positions) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        while (reader.next(sb)) {
            out.add(sb.toString());
            positions.add(reader.lineNumber() + ":" + reader.column());
            sb.setLength(0);
        }
        return out;
    }

    @Test
    void keepsTerminatorsAndALastLineWithoutOne() throws IOException {
        List<String> positions = new ArrayList<>();
        assertThat(pieces(new LineReader(new StringReader("a\r\nb\n\nc")), positions))
                .containsExactly("a\r\n", "b\n", "\n", "c");
        assertThat(positions).containsExactly("1:0", "2:0", "3:0", "4:0");
    }

    @Test
    void cutsALongLineAfterASpaceAndKeepsItsNumberAndColumns() throws IOException {
        List<String> positions = new ArrayList<>();
        List<String> pieces = pieces(new LineReader(new StringReader("aaaa bbbb cccc\nnext\n"), 8), positions);
        assertThat(pieces).containsExactly("aaaa ", "bbbb ", "cccc\n", "next\n");
        assertThat(positions).containsExactly("1:0", "1:5", "1:10", "2:0");
    }

    @Test
    void cutsAtTheLimitWhenThereIsNoSpace() throws IOException {
        List<String> pieces = pieces(new LineReader(new StringReader("abcdefghij\n"), 4), new ArrayList<>());
        assertThat(pieces).containsExactly("abcd", "efgh", "ij\n");
    }

    @Test
    void joinsAPrivateKeyBlockIntoOneWindowAndBoundsIt() throws IOException {
        String begin = "-----BEGIN " + "EC PRIVATE KEY-----\n";
        String block = begin + "AAAA\nBBBB\n-----END " + "EC PRIVATE KEY-----\n";
        String text = "x\n" + block + "y\n";
        LineWindows windows = new LineWindows(new LineReader(new StringReader(text)));
        List<String> out = new ArrayList<>();
        while (windows.next()) {
            out.add(windows.text().toString());
        }
        assertThat(out).containsExactly("x\n", block, "y\n");

        String endless = begin + "QUJD\n".repeat(LineWindows.MAX_BLOCK_LINES + 10);
        LineWindows bounded = new LineWindows(new LineReader(new StringReader(endless)));
        assertThat(bounded.next()).isTrue();
        assertThat(bounded.text().toString().split("\n")).hasSize(LineWindows.MAX_BLOCK_LINES);
        assertThat(bounded.lineOf(bounded.text().length() - 1)).isEqualTo(LineWindows.MAX_BLOCK_LINES);
        assertThat(bounded.next()).isTrue();
        assertThat(bounded.text().toString()).isEqualTo("QUJD\n");
    }
}
