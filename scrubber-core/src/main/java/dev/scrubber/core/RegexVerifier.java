package dev.scrubber.core;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A custom rule: an RE2 pattern (linear time, so no user pattern can hang logging), run only on a window of
 * {@code maxLength} characters around each anchor hit. A match must overlap the window's anchor. When the
 * pattern has a capturing group, only group 1 is masked.
 */
final class RegexVerifier implements Verifier {
    final Pattern pattern;
    final int maxLength;

    RegexVerifier(Pattern pattern, int maxLength) {
        this.pattern = pattern;
        this.maxLength = maxLength;
    }

    @Override
    public long verify(CharSequence text, int anchorStart, int anchorEnd, ScanState state) {
        int from = Math.max(0, anchorStart - maxLength);
        int to = Math.min(text.length(), anchorEnd + maxLength);
        Matcher m = pattern.matcher(text.subSequence(from, to));
        int group = pattern.groupCount() > 0 ? 1 : 0;
        while (m.find()) {
            int start = from + m.start();
            int end = from + m.end();
            if (end > anchorStart - 1 && start < anchorEnd + maxLength && m.start(group) >= 0) {
                int gs = from + m.start(group);
                int ge = from + m.end(group);
                if (ge > gs && !Placeholders.isPlaceholder(text, gs, ge)) {
                    return Verifier.span(gs, ge);
                }
            }
        }
        return NONE;
    }

    @Override
    public String describe() {
        return "custom RE2 pattern within " + maxLength + " characters of its keyword";
    }
}
