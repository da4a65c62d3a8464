package dev.scrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LineWindows} over the core's {@link LineReader}: one line per window, a private-key block joined. */
class LineWindowsTest {
    private static LineWindows windows(String text, int maxLine) {
        return new LineWindows(new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLine),
                StandardCharsets.UTF_8);
    }

    @Test
    void aWindowIsALineWithItsBytesPositionsAndContinuation() throws IOException {
        LineWindows windows = windows("a\r\nbbbb cccc\n", 6);
        List<String> out = new ArrayList<>();
        while (windows.next()) {
            out.add(new String(windows.data(), 0, windows.length(), StandardCharsets.UTF_8) + "|" + windows.text()
                    + "|" + windows.lineOf(0) + ":" + windows.columnOf(0) + ":" + windows.continuesLine());
        }
        assertThat(out).containsExactly("a\r\n|a\r\n|1:1:false", "bbbb |bbbb |2:1:false", "cccc\n|cccc\n|2:6:true");
    }

    @Test
    void joinsAPrivateKeyBlockIntoOneWindowAndBoundsIt() throws IOException {
        String begin = "-----BEGIN " + "EC PRIVATE KEY-----\n";
        String block = begin + "AAAA\nBBBB\n-----END " + "EC PRIVATE KEY-----\n";
        LineWindows windows = windows("x\n" + block + "y\n", LineReader.MAX_LINE);
        List<String> out = new ArrayList<>();
        while (windows.next()) {
            out.add(windows.text());
            assertThat(new String(windows.data(), 0, windows.length(), StandardCharsets.UTF_8))
                    .isEqualTo(windows.text());
        }
        assertThat(out).containsExactly("x\n", block, "y\n");

        String endless = begin + "QUJD\n".repeat(LineWindows.MAX_BLOCK_LINES + 10);
        LineWindows bounded = windows(endless, LineReader.MAX_LINE);
        assertThat(bounded.next()).isTrue();
        assertThat(bounded.text().split("\n")).hasSize(LineWindows.MAX_BLOCK_LINES);
        assertThat(bounded.lineOf(bounded.text().length() - 1)).isEqualTo(LineWindows.MAX_BLOCK_LINES);
        assertThat(bounded.next()).isTrue();
        assertThat(bounded.text()).isEqualTo("QUJD\n");
    }
}
