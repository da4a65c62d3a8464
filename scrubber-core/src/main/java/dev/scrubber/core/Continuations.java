package dev.scrubber.core;

import java.util.Arrays;
import java.util.List;

/**
 * Masks secrets that are split over consecutive texts of one stream: the chunks of an HTTP body that a wire logger
 * ({@code org.apache.hc.client5.http.wire}) writes as separate events, or the pieces of an over-long line. It runs
 * the {@link Scrubber}'s ordinary scan on each text and adds what one text alone cannot show:
 *
 * <ul>
 *   <li>When a text ends inside a secret, or inside a run that can be the start of a token (a literal prefix such
 *       as {@code sk-proj-}, whole or cut, followed by characters the format allows), the stream remembers that run.
 *       The next text of the same stream has its leading run masked if the two together form a token, or still
 *       could when the run reaches the end of that text too. A run that already shows the whole prefix and part of
 *       the body is masked in the first text as well.</li>
 *   <li>A text that begins with a run that can only be the tail of a token (OpenAI's marker {@code T3BlbkFJ}, or a
 *       fixed literal such as Anthropic's {@code AA} ending a fixed-length run) is masked even without a
 *       remembered start, for example when the start went to another stream.</li>
 * </ul>
 *
 * <p>A stream is named by the caller: the logging adapters use the logger name and the thread that logged, the CLI
 * the file. Wire-log framing is understood: in {@code http-outgoing-0 << "…"} the text between the quotes is what
 * continues, and a chunk that ends a line ({@code [\n]"}) closes any open run.
 *
 * <p>Memory is bounded: each thread that scrubs keeps at most {@value #MAX_STREAMS} open runs, each at most as long
 * as the run itself (never longer than the longest token), dropped after {@value #EXPIRY_SECONDS} seconds, when
 * the stream's next text has used it, or when the table is full. Clean text ending in an ordinary word costs a
 * look at its last characters; it is returned as the same instance. Thread-safe.
 *
 * <pre>{@code
 * Continuations continuations = Continuations.of(scrubber, List.of("org.apache.hc.client5.http.wire"));
 * String safe = continuations.scrub(event.getLoggerName(), event.getThreadName(), message);
 * }</pre>
 */
public final class Continuations {
    /** Open runs kept per scrubbing thread. */
    public static final int MAX_STREAMS = 8;
    /** An open run older than this is forgotten. */
    public static final int EXPIRY_SECONDS = 10;
    private static final long EXPIRY_NANOS = EXPIRY_SECONDS * 1_000_000_000L;
    /** What opens the payload of an Apache HttpClient 4/5 wire line ({@code http-outgoing-0 << "…"}). */
    static final java.util.List<String> WIRE_OPENERS = java.util.List.of("<< \"", ">> \"");
    private static final int WIRE_OPENER_LENGTH = 4;
    /** How far into a text a wire-log opener ({@code << "}) is looked for. */
    private static final int OPENER_SEARCH = 256;
    /** A run at a text's end is masked in that text when it shows a whole prefix and is at least this long. */
    private static final int MIN_MASKED_START = 8;
    /** After an ordinary message that ended with a whole token, a leading run must be this long to continue it. */
    private static final int MIN_SPECULATIVE_RUN = 16;
    /** What continues a secret that is not a token (a password, a header value): no space, quote or delimiter. */
    private static final Alphabet VALUE = Alphabet.of("value characters", "!#-%*-+.-:=?-Z^-_a-z~-");
    private static final int MAX_VALUE = 4096;
    /** Chunked-encoding lines (empty line, chunk size) a run may be carried across. */
    private static final int MAX_FRAMING_LINES = 3;

    /**
     * Looks along a text's whole trailing run for a token open at its end, as when a rule's prefixes are not all
     * anchors; the fast look at the scan's prefixes and the last characters must find the same (tests compare).
     */
    static boolean exhaustiveEdges;

    private final Scrubber scrubber;
    private final List<String> streamPrefixes;
    private final ThreadLocal<Streams> streams = ThreadLocal.withInitial(Streams::new);
    private volatile Derived derived;

    private Continuations(Scrubber scrubber, List<String> streamPrefixes) {
        this.scrubber = scrubber;
        this.streamPrefixes = streamPrefixes == null ? null : List.copyOf(streamPrefixes);
    }

    /** Continuations for every stream. */
    public static Continuations of(Scrubber scrubber) {
        return new Continuations(scrubber, null);
    }

    /**
     * Continuations only for streams whose name starts with one of {@code streamPrefixes} (logger-name prefixes such
     * as {@code org.apache.hc.client5.http.wire}); other streams are scrubbed text by text. {@code null} means every
     * stream, an empty list none.
     */
    public static Continuations of(Scrubber scrubber, List<String> streamPrefixes) {
        return new Continuations(scrubber, streamPrefixes);
    }

    /** The scrubber whose scan this stage extends. */
    public Scrubber scrubber() {
        return scrubber;
    }

    /** Whether texts of {@code stream} are scrubbed with continuations. */
    public boolean appliesTo(String stream) {
        if (streamPrefixes == null) {
            return true;
        }
        for (String p : streamPrefixes) {
            if (stream != null && stream.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest stretch of text one finding depends on: the longest secret any rule matches plus the farthest its
     * context keyword may stand. Text cut into pieces is scanned with this much overlap so that nothing straddles a
     * cut unseen.
     */
    public int contextWindow() {
        return derived(scrubber.engine()).edges.window;
    }

    /**
     * Scrubs {@code text} as the next text of a stream: like {@link Scrubber#scrub(String)}, plus the continuation
     * of a secret the stream's previous text ended in, and tails of tokens whose start is missing.
     *
     * @param stream names the stream, such as a logger name (streams outside the prefixes are scrubbed text by text)
     * @param part further identifies it, such as the name of the thread that logged; may be null
     * @return {@code text}, the same instance when nothing was masked
     */
    public String scrub(String stream, String part, String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (!appliesTo(stream)) {
            return scrubber.scrub(text);
        }
        Engine e = scrubber.engine();
        ScanState state = ScanState.acquire();
        try {
            e.scan(text, state);
            if (continueStream(e, stream, part, text, state)) {
                state.sortAndMerge();
            }
            if (state.size == 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 24 * state.size);
            scrubber.writeMasked(e, text, state, out);
            return out.toString();
        } finally {
            state.release();
        }
    }

    /**
     * Appends {@code text}, scrubbed as the next text of a stream (see {@link #scrub(String, String, String)}), to
     * {@code out}.
     *
     * @return whether anything was masked
     */
    public boolean scrubTo(String stream, String part, CharSequence text, StringBuilder out) {
        if (text == null || text.length() == 0 || !appliesTo(stream)) {
            return scrubber.scrubTo(text, out);
        }
        Engine e = scrubber.engine();
        ScanState state = ScanState.acquire();
        try {
            e.scan(text, state);
            if (continueStream(e, stream, part, text, state)) {
                state.sortAndMerge();
            }
            if (state.size == 0) {
                out.append(text);
                return false;
            }
            scrubber.writeMasked(e, text, state, out);
            return true;
        } finally {
            state.release();
        }
    }

    /**
     * Scrubs the ISO-8859-1 text in {@code bytes[from, to)} (one byte per character: an encoded line of an
     * ASCII-compatible charset) as the next text of a stream, and appends the scrubbed text to {@code out} only when
     * something was masked, so that a clean line costs one scan and no copy.
     *
     * @return whether anything was masked (and so appended)
     */
    public boolean scrubBytesTo(String stream, String part, byte[] bytes, int from, int to, StringBuilder out) {
        if (bytes == null || from >= to) {
            return false;
        }
        Engine e = scrubber.engine();
        ScanState state = ScanState.acquire();
        Latin1Bytes text = state.latin1.set(bytes, from, to);
        try {
            e.scan(text, state);
            if (appliesTo(stream) && continueStream(e, stream, part, text, state)) {
                state.sortAndMerge();
            }
            if (state.size == 0) {
                return false;
            }
            scrubber.writeMasked(e, text, state, out);
            return true;
        } finally {
            text.clear();
            state.release();
        }
    }

    /**
     * Scrubs {@code buffer[from, to)} in place as the next text of a stream (see {@link #scrub(String, String,
     * String)}); for garbage-free callers that own the buffer.
     *
     * @return the number of spans masked
     */
    public int scrub(String stream, String part, StringBuilder buffer, int from, int to) {
        if (buffer == null || from >= to) {
            return 0;
        }
        if (!appliesTo(stream)) {
            return scrubber.scrub(buffer, from, to);
        }
        Engine e = scrubber.engine();
        ScanState state = ScanState.acquire();
        Region region = state.region.set(buffer, from, to);
        try {
            e.scan(region, state);
            if (continueStream(e, stream, part, region, state)) {
                state.sortAndMerge();
            }
            return scrubber.maskInPlace(e, state, region, buffer, from);
        } finally {
            region.clear();
            state.release();
        }
    }

    /**
     * Scrubs {@code text}, one piece of a longer text that was cut (an over-long line read in pieces), seeing its
     * neighbours: secrets are looked for in {@code before + text + after} and what falls inside {@code text} is
     * masked, so a secret or its context keyword that straddles a cut is found from both sides. Pass at least
     * {@link #contextWindow()} characters of each neighbour. No continuation state is used.
     *
     * @return {@code text}, the same instance when nothing in it was masked
     */
    public String scrubBetween(CharSequence before, String text, CharSequence after) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (before.length() == 0 && after.length() == 0) {
            return scrubber.scrub(text);
        }
        String joined = new StringBuilder(before.length() + text.length() + after.length())
                .append(before).append(text).append(after).toString();
        Engine e = scrubber.engine();
        ScanState state = ScanState.acquire();
        try {
            e.scan(joined, state);
            int from = before.length();
            int to = from + text.length();
            int kept = 0;
            for (int i = 0; i < state.size; i++) {
                int s = Math.max(ScanState.start(state.spans[i]), from);
                int en = Math.min(ScanState.end(state.spans[i]), to);
                if (s < en) {
                    state.spans[kept] = Verifier.span(s - from, en - from);
                    state.rules[kept++] = state.rules[i];
                }
            }
            state.size = kept;
            if (kept == 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 24 * kept);
            scrubber.writeMasked(e, text, state, out);
            return out.toString();
        } finally {
            state.release();
        }
    }

    /**
     * Whether the calling thread has no run open in any stream: then a text's result depends on the text alone, so a
     * caller may reuse what it found for the same text before (a constant log message found clean while idle, that
     * left the thread idle).
     */
    public boolean idle() {
        return streams.get().size == 0;
    }

    /** Forgets the open runs this thread holds (all streams). */
    public void clearThread() {
        streams.get().clear();
    }

    // ---- the stage -------------------------------------------------------------------------------------------

    /**
     * Adds the continuation findings for {@code text} to {@code state} (which holds the ordinary, merged findings)
     * and updates the stream's open run. Returns whether findings were added.
     */
    private boolean continueStream(Engine e, String stream, String part, CharSequence text, ScanState state) {
        Derived d = derived(e);
        TokenEdges edges = d.edges;
        Streams table = streams.get();
        Entry open = table.size == 0 ? null : table.take(this, stream, part, System.nanoTime());
        int start = payloadStart(text, state);
        int end = payloadEnd(text, start);
        // A wire chunk's payload may end with an escaped line break; the token is matched up to it.
        int stop = start > 0 ? beforeLineBreak(text, start, end) : end;
        boolean lineBreak = stop < end;
        if (open != null && open.validFor(e) && lineBreak && !open.afterSize && isChunkFraming(text, start, stop)
                && open.skips < MAX_FRAMING_LINES) {
            // HTTP chunked encoding writes a chunk-size line between two chunks of a body: the run goes on after it.
            // (What follows a size line is data, even when it looks like one: "3" may be a chunk of one character.)
            open.skips++;
            open.needsFraming = false;
            open.afterSize = stop > start;
            table.restore(open);
            return false;
        }
        int before = state.size;
        int continuedTo = -1;
        try {
            if (open != null && open.validFor(e) && start < stop && !open.needsFraming) {
                continuedTo = open.generic ? continueValue(open, text, start, stop, state, table)
                        : continueToken(open, edges, text, start, stop, state, table, stream, part);
            }
        } finally {
            if (open != null) {
                table.recycle(open);
            }
        }
        // A tail holds one of the tail literals, and the scan noted where the first one stands: none, no tail.
        if (continuedTo < 0 && start < stop && edges.tailRules.length > 0
                && (state.tailLiteralAt >= 0 || exhaustiveEdges)) {
            maskTail(edges, text, start, state);
        }
        if (continuedTo != stop && start < stop) {
            openAtEnd(e, edges, text, start, stop, state, table, stream, part, before);
        }
        if (lineBreak) {
            // A run that reaches a line break goes on only if a chunk-size line comes next.
            table.requireFraming(this, stream, part);
        }
        return state.size != before;
    }

    /** Continues a token: the remembered start plus this text's leading run. Returns the run's end, or -1. */
    private int continueToken(Entry open, TokenEdges edges, CharSequence text, int start, int end, ScanState state,
            Streams table, String stream, String part) {
        int bestEnd = -1;
        int bestRule = -1;
        int[] stillOpen = table.stillOpen(open.ruleCount);
        int stillOpenCount = 0;
        boolean closed = false;
        boolean whole = false;
        for (int i = 0; i < open.ruleCount; i++) {
            int r = open.rules[i];
            TokenShape shape = edges.shapes[r];
            int cap = shape.maxLength - open.tailLength + 1;
            if (cap <= 0) {
                continue;
            }
            int run = leadingRun(shape, edges.bodyChars[r], open, text, start, Math.min(end, start + cap));
            if (run == 0) {
                continue;
            }
            CharSequence joined = table.join(open, text, start, start + run);
            int flags = PartialMatch.start(shape, joined, 0, joined.length());
            boolean reachesEnd = start + run == end;
            boolean complete = (flags & PartialMatch.COMPLETE) != 0
                    && Text.rightBoundary(text, start + run, shape.boundary);
            boolean continues = (flags & PartialMatch.OPEN) != 0 && reachesEnd;
            boolean evident = open.confirmed || (flags & PartialMatch.PAST_PREFIX) != 0;
            if (open.speculative && !(open.chained && reachesEnd) && !looksRandom(text, start, start + run, state)) {
                // "event-1" after a message that ended with a whole key is the next message's own word; once a
                // stream has been sending a token in pieces, a text that is all run is its next piece.
                continue;
            }
            if ((complete || continues) && evident && start + run > bestEnd) {
                bestEnd = start + run;
                bestRule = r;
            }
            if (continues) {
                stillOpen[stillOpenCount++] = r;
                whole |= complete;
            }
            closed |= reachesEnd && (flags & PartialMatch.COMPLETE) != 0 && (flags & PartialMatch.OPEN) == 0;
        }
        table.clearJoin();
        if (closed) {
            stillOpenCount = 0; // a fixed-length format says the token is whole: what follows is not part of it
        }
        if (bestRule >= 0) {
            state.add(start, bestEnd, bestRule);
        }
        if (stillOpenCount > 0) {
            // Still inside the token (one character per event, or a long run over several chunks): keep the run.
            int longestRun = end - start;
            boolean confirmed = open.confirmed || bestRule >= 0;
            Entry reopened = table.open(this, open.engine, stream, part, open.tail, open.tailLength, text, start,
                    start + longestRun,
                    stillOpen, stillOpenCount, confirmed, false);
            reopened.speculative = whole && start == 0;
            reopened.chained = true;
            return end;
        }
        return bestRule >= 0 ? bestEnd : -1;
    }

    /**
     * The length of the leading run of {@code text[start, limit)} that continues the open run as a token of
     * {@code shape}: first the rest of a prefix the open run stopped inside, then body characters.
     */
    private static int leadingRun(TokenShape shape, Alphabet body, Entry open, CharSequence text, int start,
            int limit) {
        int best = -1;
        for (int pi = 0; pi < shape.prefixes.size(); pi++) { // indexed: no iterator
            String prefix = shape.prefixes.get(pi);
            int have = open.tailLength;
            if (have >= prefix.length()) {
                // The open run already holds this whole prefix: the text goes on with body characters. (Another,
                // longer prefix with the same start, such as sgp_local_ beside sgp_, must not hide this one.)
                if (startsWith(prefix, open.tail, prefix.length())) {
                    best = Math.max(best, Text.run(text, start, body, limit - start));
                }
                continue;
            }
            if (!startsWith(prefix, open.tail, have)) {
                continue;
            }
            int k = 0;
            while (have + k < prefix.length() && start + k < limit && text.charAt(start + k) == prefix.charAt(have + k)) {
                k++;
            }
            if (have + k == prefix.length()) {
                k += Text.run(text, start + k, body, limit - start - k);
            } else if (start + k != limit) {
                k = 0; // not this prefix
            }
            best = Math.max(best, k);
        }
        return best >= 0 ? best : Text.run(text, start, body, limit - start);
    }

    private static boolean startsWith(String prefix, char[] tail, int n) {
        for (int i = 0; i < n; i++) {
            if (prefix.charAt(i) != tail[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a run is long and varied enough to be the rest of a random token. */
    private static boolean looksRandom(CharSequence text, int from, int to, ScanState state) {
        return to - from >= MIN_SPECULATIVE_RUN && Entropy.bitsPerChar(text, from, to, state.counts) >= 3.0;
    }

    /** Continues a value that is not a token (a finding of a context rule that reached the end of a wire chunk). */
    private int continueValue(Entry open, CharSequence text, int start, int end, ScanState state, Streams table) {
        int run = Text.run(text, start, VALUE, Math.min(MAX_VALUE - open.tailLength, end - start));
        if (run == 0) {
            return -1;
        }
        state.add(start, start + run, open.rules[0]);
        if (start + run == end && open.tailLength + run < MAX_VALUE) {
            table.openValue(this, open.engine, open.stream, open.part, open.rules[0], open.tailLength + run);
        }
        return start + run;
    }

    /** Masks a leading run that can only be the tail of a token whose beginning this text does not hold. */
    private static void maskTail(TokenEdges edges, CharSequence text, int start, ScanState state) {
        int cap = edges.longestTail + 1;
        // First on the scan's byte copy alone: its run is at least the text's (a character above U+00FF may share
        // its low byte with a tail character, never the reverse), so a copy run that is short or holds no tail
        // literal rules the text out without a charAt call. A clean line's leading word (a timestamp) ends here.
        byte[] copy = state.copy();
        int limit = Math.min(text.length(), start + cap);
        int quick = start;
        while (quick < limit && edges.tailChars.contains((char) (copy[quick] & 0xff))) {
            quick++;
        }
        if (quick - start < PartialMatch.DISTINCT_LITERAL * 2 || !holdsTailLiteral(edges, null, copy, start, quick)) {
            return;
        }
        int run = Text.run(text, start, edges.tailChars, cap);
        if (run < PartialMatch.DISTINCT_LITERAL * 2 || run == cap || covered(state, start)) {
            return;
        }
        if (!holdsTailLiteral(edges, text, copy, start, start + run)) {
            return;
        }
        for (int r : edges.tailRules) {
            TokenShape shape = edges.shapes[r];
            int n = Text.run(text, start, edges.bodyChars[r], shape.maxLength + 1);
            if (n > 0 && n <= shape.maxLength && Text.rightBoundary(text, start + n, shape.boundary)
                    && PartialMatch.tail(shape, text, start, start + n)) {
                state.add(start, start + n, r);
                return;
            }
        }
    }

    /**
     * Whether {@code text[from, to)} holds one of the tail literals: one pass, literals tried where one may begin.
     * With a null {@code text}, whether the byte copy holds one (a real match always is a copy match).
     */
    private static boolean holdsTailLiteral(TokenEdges edges, CharSequence text, byte[] copy, int from, int to) {
        String[][] byFirst = edges.tailLiteralsByFirst;
        for (int i = from; i < to; i++) {
            int c = copy[i] & 0xff;
            String[] literals = c < 128 ? byFirst[c] : null;
            if (literals != null) {
                for (String l : literals) {
                    if (i + l.length() <= to && bytesMatch(copy, i, l) && (text == null || Text.matchesAt(text, i, l, false))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the byte copy holds {@code literal} (ASCII) at {@code at}: a real match always does. */
    private static boolean bytesMatch(byte[] copy, int at, String literal) {
        for (int k = 0; k < literal.length(); k++) {
            if (copy[at + k] != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Opens the stream's run when the text ends inside a secret or inside what can be the start of a token. */
    private void openAtEnd(Engine e, TokenEdges edges, CharSequence text, int start, int end, ScanState state,
            Streams table, String stream, String part, int ordinaryFindings) {
        // A finding that reaches the end: the secret may go on in the next text.
        for (int i = ordinaryFindings - 1; i >= 0; i--) {
            if (ScanState.end(state.spans[i]) != end) {
                continue;
            }
            int r = state.rules[i];
            int from = ScanState.start(state.spans[i]);
            TokenShape shape = edges.shapes[r];
            {
                // A whole token that may go on: certain only for a wire chunk, whose cuts fall anywhere; after an
                // ordinary message the next one must look like the rest of a token (see continueToken). Every rule
                // whose start the run can be stays open, not only the one that labelled the finding: a cut-short
                // eyJ… is labelled by the first rule of that prefix, and a merged finding may be labelled by a
                // context rule whose own shape does not start there (AGE-SECRET-KEY-1… under "secret key").
                int[] rules = table.one;
                int count = 0;
                if (shape != null && (PartialMatch.start(shape, text, from, end) & PartialMatch.OPEN) != 0
                        && end - from <= shape.maxLength) {
                    rules[count++] = r;
                }
                char c1 = text.charAt(from);
                int[] sharing = c1 < 128 ? edges.startsWith[c1] : null;
                if (sharing != null) {
                    for (int other : sharing) {
                        TokenShape s = edges.shapes[other];
                        if (other == r || end - from > s.maxLength
                                || !(from == start || Text.leftBoundary(text, from, s.boundary))
                                || (PartialMatch.start(s, text, from, end) & PartialMatch.OPEN) == 0) {
                            continue;
                        }
                        if (rules == table.one) {
                            rules = table.candidates;
                            if (count == 1) {
                                rules[0] = r;
                            }
                        }
                        if (count == rules.length) {
                            rules = table.candidates = Arrays.copyOf(rules, count * 2);
                        }
                        rules[count++] = other;
                    }
                }
                if (count > 0) {
                    table.open(this, e, stream, part, null, 0, text, from, end, rules, count, true, false)
                            .speculative = start == 0;
                    return;
                }
            }
            if (shape == null && start > 0 && end - from < MAX_VALUE) {
                // A value, or a known or learned secret, that no token shape starts: a wire chunk cut inside it.
                table.openValue(this, e, stream, part, r, end - from);
                return;
            }
        }
        char last = text.charAt(end - 1);
        if (!edges.startChars.contains(last) || edges.longestStart == 0) {
            return;
        }
        byte[] copy = state.copy();
        if (edges.prefixesAreAnchors && state.prefixCount <= state.prefixStarts.length && !exhaustiveEdges) {
            // Where a token can be open at the end: where the scan matched a whole prefix (every prefix is an
            // anchor, so the scan saw each one), and where the text ends inside a prefix (the last characters read
            // backwards through the cut prefixes). A clean line costs a look at its last one or two characters.
            int[] at = table.positions(state.prefixStarts.length + edges.longestPrefix);
            int count = 0;
            for (int i = 0; i < state.prefixCount; i++) {
                if (state.prefixStarts[i] >= start) {
                    at[count++] = state.prefixStarts[i];
                }
            }
            CharTrie node = edges.cutPrefixes;
            for (int q = end - 1; q >= start && q > end - edges.longestPrefix; q--) {
                node = node.child((char) (copy[q] & 0xff));
                if (node == null) {
                    break;
                }
                if (node.ends) {
                    at[count++] = q;
                }
            }
            if (count > 1) {
                Arrays.sort(at, 0, count);
            }
            for (int i = 0; i < count; i++) {
                if ((i == 0 || at[i] != at[i - 1])
                        && openAt(e, edges, text, copy, at[i], start, end, state, table, stream, part)) {
                    return;
                }
            }
            return;
        }
        // Otherwise along the trailing run of characters a token may hold. A token open at the end has everything
        // after its prefix in the trailing run of body characters, so it starts at most a prefix's length before it.
        int floor = Math.max(start, end - edges.longestStart);
        int body = end;
        while (body > floor && edges.startBodyChars.contains((char) (copy[body - 1] & 0xff))) {
            body--;
        }
        floor = Math.max(floor, body - edges.longestPrefix);
        int from = end - 1;
        while (from > floor && edges.startChars.contains((char) (copy[from - 1] & 0xff))) {
            from--;
        }
        for (int q = from; q < end; q++) {
            if (openAt(e, edges, text, copy, q, start, end, state, table, stream, part)) {
                return;
            }
        }
    }

    /**
     * Opens the stream's run at {@code q} if a token with a prefix may start there and still be open at
     * {@code end}. Returns whether the look at the text's end is over (a run was opened, or a whole fixed-length
     * token ends the text). {@code copy} is the scan's byte copy: it only rules positions out (a character above
     * U+00FF shares its low byte with one below), every candidate is confirmed on the text itself.
     */
    private boolean openAt(Engine e, TokenEdges edges, CharSequence text, byte[] copy, int q, int start, int end,
            ScanState state, Streams table, String stream, String part) {
        if (!edges.mayStartPrefix((char) (copy[q] & 0xff), q + 1 < end ? (char) (copy[q + 1] & 0xff) : 0)) {
            return false;
        }
        if (q > 0 && Alphabet.IDENTIFIER.contains(text.charAt(q - 1)) && q > start) {
            return false;
        }
        char c1 = text.charAt(q);
        char c2 = q + 1 < end ? text.charAt(q + 1) : 0;
        if (!edges.mayStartPrefix(c1, c2)) {
            return false;
        }
        int[] open = table.candidates;
        int count = 0;
        int maskRule = -1;
        boolean closed = false;
        boolean whole = false;
        for (int r : edges.startsWith[c1]) {
            TokenShape shape = edges.shapes[r];
            if (end - q > shape.maxLength || !(q == start || Text.leftBoundary(text, q, shape.boundary))) {
                continue;
            }
            int flags = PartialMatch.start(shape, text, q, end);
            if ((flags & PartialMatch.OPEN) == 0) {
                closed |= (flags & PartialMatch.COMPLETE) != 0;
                continue;
            }
            if (count == open.length) {
                open = table.candidates = Arrays.copyOf(open, count * 2);
            }
            open[count++] = r;
            whole |= (flags & PartialMatch.COMPLETE) != 0;
            // In a wire chunk any body character after a whole prefix is evidence; elsewhere (an ordinary
            // message that happens to end in a prefix-like word) the run must be longer.
            if (maskRule < 0 && (flags & PartialMatch.PAST_PREFIX) != 0
                    && (start > 0 || end - q >= MIN_MASKED_START)) {
                maskRule = r;
            }
        }
        if (closed) {
            return true; // a whole token of a fixed-length format ends the text: nothing is left open
        }
        if (count > 0) {
            if (maskRule >= 0 && !covered(state, q)) {
                state.add(q, end, maskRule);
            }
            table.open(this, e, stream, part, null, 0, text, q, end, open, count, maskRule >= 0, false)
                    .speculative = whole && start == 0;
            return true;
        }
        return false;
    }

    /** Whether an ordinary finding already covers position {@code at}. */
    private static boolean covered(ScanState state, int at) {
        for (int i = 0; i < state.size; i++) {
            if (ScanState.start(state.spans[i]) <= at && at < ScanState.end(state.spans[i])) {
                return true;
            }
        }
        return false;
    }

    // ---- wire-log framing -------------------------------------------------------------------------------------

    /**
     * Where the payload starts: after the {@code << "} or {@code >> "} of an Apache HttpClient 4/5 wire line
     * ({@code http-outgoing-0 << "…"}) within its first characters, else at 0; {@code state} holds the scan of {@code t}.
     */
    static int payloadStart(CharSequence t, ScanState state) {
        // The scan noted the first opener (an anchor of no rule, see AnchorPlan.compile), confirmed on the text.
        int at = state.openerAt;
        return at >= 0 && at + 3 < Math.min(t.length(), OPENER_SEARCH) ? at + WIRE_OPENER_LENGTH : 0;
    }

    /**
     * Where the payload ends: before a final line break (a rendered log line), and in a wire line before the closing
     * quote.
     */
    static int payloadEnd(CharSequence t, int start) {
        int end = t.length();
        if (end > start && t.charAt(end - 1) == '\n') {
            end--;
            if (end > start && t.charAt(end - 1) == '\r') {
                end--;
            }
        }
        if (start > 0 && end > start && t.charAt(end - 1) == '"') {
            end--;
        }
        return Math.max(start, end);
    }

    /**
     * Where an escaped line break ({@code [\r][\n]} or {@code [\n]}) that ends a wire payload begins, else
     * {@code end}.
     */
    static int beforeLineBreak(CharSequence t, int start, int end) {
        if (!endsWith(t, start, end, "[\\n]")) {
            return end;
        }
        int at = end - 4;
        return endsWith(t, start, at, "[\\r]") ? at - 4 : at;
    }

    private static boolean endsWith(CharSequence t, int start, int end, String s) {
        return end - start >= s.length() && Text.matchesAt(t, end - s.length(), s, false);
    }

    /**
     * Whether a wire payload is HTTP chunked-encoding framing: an empty line, or a chunk-size line (hex digits,
     * optional extensions) of a chunk that is not the last one.
     */
    static boolean isChunkFraming(CharSequence t, int start, int stop) {
        int digits = Text.run(t, start, Alphabet.HEX_ANY_CASE, 9);
        if (digits == 0) {
            return stop == start;
        }
        if (digits > 8 || (stop > start + digits && t.charAt(start + digits) != ';')) {
            return false;
        }
        for (int i = start; i < start + digits; i++) {
            if (t.charAt(i) != '0') {
                return true;
            }
        }
        return false; // "0": the last chunk, the body is over
    }

    // ---- per-thread state --------------------------------------------------------------------------------------

    private Derived derived(Engine e) {
        Derived d = derived;
        if (d == null || d.engine != e) {
            d = new Derived(e, new TokenEdges(e.rules));
            derived = d;
        }
        return d;
    }

    private record Derived(Engine engine, TokenEdges edges) {
    }

    /** One open run: the stream it belongs to, the rules it may still be a token of, and the run itself. */
    private static final class Entry {
        Continuations owner;
        Engine engine;
        String stream;
        String part;
        int[] rules;
        int ruleCount;
        char[] tail;
        int tailLength;
        boolean confirmed;
        boolean generic;
        /** The run reached a line break: only a chunk-size line may come before its continuation. */
        boolean needsFraming;
        /** Framing lines passed over so far. */
        int skips;
        /** The last text passed over was a chunk-size line, so the next one is chunk data. */
        boolean afterSize;
        /** Opened on a whole token that a longer one of the same format could extend (outside a wire chunk). */
        boolean speculative;
        /** Reopened by a continuation: the stream has been sending this token in pieces. */
        boolean chained;
        long expires;

        boolean matches(Continuations o, String s, String p) {
            return owner == o && java.util.Objects.equals(stream, s) && java.util.Objects.equals(part, p);
        }

        /**
         * Whether the run still applies under engine {@code e}. Registering a known secret or learning a value
         * recompiles the engine between two texts (often because the first text's masking taught it one); those
         * rules are appended after the configured ones, so the rules this run names keep their index and meaning.
         */
        boolean validFor(Engine e) {
            if (engine == e) {
                return true;
            }
            if (engine == null || e == null) {
                return false;
            }
            for (int i = 0; i < ruleCount; i++) {
                int r = rules[i];
                if (r >= e.rules.length || r >= engine.rules.length || engine.rules[r] != e.rules[r]) {
                    return false;
                }
            }
            return true;
        }

        /** Forgets the run; the buffers are kept, zeroed, for reuse. */
        void clear() {
            if (tail != null) {
                Arrays.fill(tail, 0, Math.min(tailLength, tail.length), '\0'); // no secret's first characters kept
            }
            owner = null;
            engine = null;
            stream = null;
            part = null;
            ruleCount = 0;
            tailLength = 0;
            confirmed = false;
            generic = false;
            needsFraming = false;
            skips = 0;
            afterSize = false;
            speculative = false;
            chained = false;
        }
    }

    /** A reusable view of the first {@code length} characters of a buffer. */
    private static final class Joined implements CharSequence {
        private char[] chars;
        private int length;

        Joined set(char[] chars, int length) {
            this.chars = chars;
            this.length = length;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    /** The open runs of one thread. */
    private static final class Streams {
        final Entry[] entries = new Entry[MAX_STREAMS];
        int size;
        /** Cleared entries, reused so that opening a run allocates nothing once the buffers have grown. */
        private final Entry[] pool = new Entry[MAX_STREAMS + 2];
        private int pooled;
        final int[] one = new int[1];
        private int[] stillOpen = new int[8];
        private final Joined view = new Joined();
        private char[] joined = new char[0];
        /** Scratch list of the rules a run at a text's end may start. */
        int[] candidates = new int[8];
        /** Scratch list of the positions where a run at a text's end may start. */
        private int[] positions = new int[0];
        private int joinedLength;

        /** Removes and returns the open run of the stream, dropping expired runs on the way. */
        Entry take(Continuations owner, String stream, String part, long now) {
            Entry found = null;
            for (int i = 0; i < entries.length; i++) {
                Entry en = entries[i];
                if (en == null) {
                    continue;
                }
                if (now - en.expires > 0) {
                    recycle(en);
                    entries[i] = null;
                    size--;
                } else if (found == null && en.matches(owner, stream, part)) {
                    found = en;
                    entries[i] = null;
                    size--;
                }
            }
            return found;
        }

        /** Opens a run of {@code rules}: the kept {@code tail} followed by {@code text[from, to)}. */
        Entry open(Continuations owner, Engine engine, String stream, String part, char[] tail, int tailLength,
                CharSequence text, int from, int to, int[] rules, int ruleCount, boolean confirmed, boolean generic) {
            Entry en = slot(owner, stream, part);
            en.engine = engine;
            en.tailLength = tailLength + to - from;
            if (en.tail == null || en.tail.length < en.tailLength) {
                en.tail = new char[en.tailLength];
            }
            if (tail != null) {
                System.arraycopy(tail, 0, en.tail, 0, tailLength);
            }
            for (int i = from; i < to; i++) {
                en.tail[tailLength + i - from] = text.charAt(i);
            }
            if (en.rules == null || en.rules.length < ruleCount) {
                en.rules = new int[Math.max(8, ruleCount)];
            }
            System.arraycopy(rules, 0, en.rules, 0, ruleCount);
            en.ruleCount = ruleCount;
            en.confirmed = confirmed;
            en.generic = generic;
            return en;
        }

        /** Clears an entry that is no longer in the table and keeps it for reuse. */
        void recycle(Entry en) {
            en.clear();
            if (pooled < pool.length) {
                pool[pooled++] = en;
            }
        }

        int[] positions(int n) {
            if (positions.length < n) {
                positions = new int[n];
            }
            return positions;
        }

        int[] stillOpen(int n) {
            if (stillOpen.length < n) {
                stillOpen = new int[n];
            }
            return stillOpen;
        }

        /** Puts back a run that a framing line passed over. */
        void restore(Entry en) {
            int free = -1;
            int oldest = -1;
            for (int i = 0; i < entries.length; i++) {
                if (entries[i] == null) {
                    free = free < 0 ? i : free;
                } else if (oldest < 0 || entries[i].expires - entries[oldest].expires < 0) {
                    oldest = i;
                }
            }
            if (free < 0) {
                recycle(entries[oldest]);
                entries[oldest] = null;
                size--;
                free = oldest;
            }
            entries[free] = en;
            size++;
        }

        /** Marks the stream's open run, if any, as needing a chunk-size line before its continuation. */
        void requireFraming(Continuations owner, String stream, String part) {
            for (Entry en : entries) {
                if (en != null && en.matches(owner, stream, part)) {
                    en.needsFraming = true;
                }
            }
        }

        /** Opens a value run; only its length is kept. */
        void openValue(Continuations owner, Engine engine, String stream, String part, int rule, int length) {
            Entry en = slot(owner, stream, part);
            en.engine = engine;
            if (en.rules == null) {
                en.rules = new int[8];
            }
            en.rules[0] = rule;
            en.ruleCount = 1;
            en.tailLength = length;
            en.confirmed = true;
            en.generic = true;
        }

        private Entry slot(Continuations owner, String stream, String part) {
            int free = -1;
            int oldest = -1;
            for (int i = 0; i < entries.length; i++) {
                Entry en = entries[i];
                if (en != null && en.matches(owner, stream, part)) {
                    recycle(en); // at most one run per stream
                    entries[i] = null;
                    size--;
                }
                if (entries[i] == null) {
                    free = free < 0 ? i : free;
                } else if (oldest < 0 || entries[i].expires - entries[oldest].expires < 0) {
                    oldest = i;
                }
            }
            if (free < 0) {
                recycle(entries[oldest]); // full: the oldest run goes
                entries[oldest] = null;
                size--;
                free = oldest;
            }
            Entry en = pooled > 0 ? pool[--pooled] : new Entry();
            en.owner = owner;
            en.stream = stream;
            en.part = part;
            en.expires = System.nanoTime() + EXPIRY_NANOS;
            entries[free] = en;
            size++;
            return en;
        }

        /** The open run followed by {@code text[from, to)}, in a reused buffer. */
        CharSequence join(Entry open, CharSequence text, int from, int to) {
            int n = open.tailLength + to - from;
            if (joined.length < n) {
                joined = new char[n];
            }
            System.arraycopy(open.tail, 0, joined, 0, open.tailLength);
            for (int i = from; i < to; i++) {
                joined[open.tailLength + i - from] = text.charAt(i);
            }
            joinedLength = Math.max(joinedLength, n);
            return view.set(joined, n);
        }

        void clearJoin() {
            Arrays.fill(joined, 0, joinedLength, '\0');
            joinedLength = 0;
        }

        void clear() {
            for (int i = 0; i < entries.length; i++) {
                if (entries[i] != null) {
                    recycle(entries[i]);
                    entries[i] = null;
                }
            }
            size = 0;
            clearJoin();
        }
    }
}
