package dev.scrubber.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LineSource}: lines as bytes with their terminators, long lines in bounded pieces. */
class LineSourceTest {
    private record Piece(long line, String text) {
    }

    private static List<Piece> read(byte[] input, int maxLine) throws IOException {
        LineSource lines = new LineSource(new ByteArrayInputStream(input), maxLine);
        List<Piece> out = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (lines.next()) {
            assertThat(lines.length).isLessThanOrEqualTo(maxLine);
            all.write(lines.data, 0, lines.length);
            out.add(new Piece(lines.lineNumber(), new String(lines.data, 0, lines.length, StandardCharsets.UTF_8)));
        }
        assertThat(all.toByteArray()).as("the pieces are the input").isEqualTo(input);
        return out;
    }

    @Test
    void linesKeepTheirTerminatorsAndAMissingFinalNewline() throws IOException {
        List<Piece> pieces = read("a\r\nbb\n\nlast".getBytes(StandardCharsets.UTF_8), 1 << 20);
        assertThat(pieces).containsExactly(new Piece(1, "a\r\n"), new Piece(2, "bb\n"), new Piece(3, "\n"),
                new Piece(4, "last"));
    }

    @Test
    void aLongLineComesInPiecesCutAfterASpaceUnderOneLineNumber() throws IOException {
        String longLine = "word ".repeat(100) + "\n";
        List<Piece> pieces = read((longLine + "next\n").getBytes(StandardCharsets.UTF_8), 64);
        List<Piece> first = pieces.stream().filter(p -> p.line() == 1).toList();
        assertThat(first).hasSizeGreaterThan(5);
        assertThat(first.subList(0, first.size() - 1))
                .allSatisfy(p -> assertThat(p.text()).endsWith(" ").doesNotContain("\n"));
        assertThat(first.get(first.size() - 1).text()).endsWith("\n");
        assertThat(pieces.get(pieces.size() - 1)).isEqualTo(new Piece(2, "next\n"));
    }

    @Test
    void aCutWithoutSpacesNeverSplitsAUtf8Sequence() throws IOException {
        byte[] input = ("\u00e9\u4e2d".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8);
        List<Piece> pieces = read(input, 61);
        assertThat(pieces).hasSizeGreaterThan(5).allSatisfy(p -> assertThat(p.text()).doesNotContain("\ufffd"));
        assertThat(pieces.stream().map(Piece::line).distinct()).containsExactly(1L);
        assertThat(pieces.get(pieces.size() - 1).text()).endsWith("\n");
    }
}
