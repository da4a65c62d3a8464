package dev.scrubber.logback;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.joran.spi.DefaultClass;
import dev.scrubber.core.FailPolicy;
import dev.scrubber.core.Latin1Bytes;
import dev.scrubber.core.MaskListener;
import dev.scrubber.core.Scrubber;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Wraps any encoder (pattern, logstash-logback-encoder's {@code LogstashEncoder}, ECS, Powertools) and scrubs the
 * bytes it produces, header and footer included. It is the catch-all for what an event copy cannot reach, such as
 * raw JSON arguments or fields an encoder builds from objects.
 *
 * <pre>{@code
 * <encoder class="dev.scrubber.logback.ScrubbingEncoder">
 *   <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>
 * </encoder>
 * }</pre>
 *
 * <p>The wrapped encoder must write an ASCII-compatible charset (UTF-8, ISO-8859-x, windows-125x, US-ASCII): secrets
 * are matched on the bytes. When the wrapped encoder reports another charset (UTF-16, UTF-32, EBCDIC) this encoder
 * refuses to start and writes only {@link FailPolicy#PLACEHOLDER_TEXT} lines. A secret that the wrapped encoder
 * escaped (for example a JSON {@code \u002d} for a dash) is not recognised in its escaped form.
 *
 * <p>Thread-safe when the wrapped encoder is (Logback calls encoders concurrently). Clean output is returned as the
 * same array without allocating. Same options as {@link ScrubbingAppender}. If the wrapped encoder throws, the
 * event is written as a placeholder line and the error is reported once.
 */
public class ScrubbingEncoder<E> extends EncoderBase<E> {
    /** Outputs larger than this are scanned without the per-thread buffer, so no thread keeps a huge buffer. */
    private static final int REUSED_BUFFER_LIMIT = 64 * 1024;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final ScrubberOptions options = new ScrubberOptions();
    private Encoder<E> encoder;
    private volatile Scrubber scrubber;
    private volatile StatusReporter reporter;
    private volatile dev.scrubber.core.Continuations continuations;
    private final byte[] placeholderLine = (FailPolicy.PLACEHOLDER_TEXT + System.lineSeparator())
            .getBytes(StandardCharsets.US_ASCII);

    /** The wrapped encoder; without {@code class=} a {@code PatternLayoutEncoder}. */
    @DefaultClass(PatternLayoutEncoder.class)
    public void setEncoder(Encoder<E> encoder) {
        this.encoder = encoder;
    }

    public Encoder<E> getEncoder() {
        return encoder;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (encoder == null) {
            addError("ScrubbingEncoder needs a nested <encoder>; writing placeholders only.");
            return;
        }
        Charset charset = charsetOf(encoder);
        if (charset != null && !isAsciiCompatible(charset)) {
            addError("ScrubbingEncoder cannot scrub the charset " + charset.name()
                    + " (not ASCII-compatible); use UTF-8. Writing placeholders only.");
            return;
        }
        ScrubberOptions.Started started = options.start(this);
        if (started == null) {
            return;
        }
        reporter = started.reporter();
        continuations = started.continuations();
        scrubber = started.scrubber();
        if (encoder.getContext() == null) {
            encoder.setContext(getContext());
        }
        if (!encoder.isStarted()) {
            encoder.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (encoder != null) {
            encoder.stop();
        }
    }

    @Override
    public byte[] headerBytes() {
        if (scrubber == null) {
            return null;
        }
        try {
            return scrub(encoder.headerBytes(), null);
        } catch (RuntimeException | Error e) {
            reporter.failed("a header", e);
            return placeholderLine.clone();
        }
    }

    @Override
    public byte[] encode(E event) {
        if (scrubber == null) {
            return placeholderLine.clone();
        }
        try {
            return scrub(encoder.encode(event), event);
        } catch (RuntimeException | Error e) {
            reporter.failed("an encoded event", e);
            return placeholderLine.clone();
        }
    }

    @Override
    public byte[] footerBytes() {
        if (scrubber == null) { // checked instead of isStarted(): Logback may stop encoders before the footer
            return null;
        }
        try {
            return scrub(encoder.footerBytes(), null);
        } catch (RuntimeException | Error e) {
            reporter.failed("a footer", e);
            return placeholderLine.clone();
        }
    }

    private byte[] scrub(byte[] bytes, E event) {
        if (bytes == null || bytes.length == 0) {
            return bytes;
        }
        // A line of a continued stream must always pass through the continuation stage, clean or not: its end may
        // open a secret that the stream's next line completes.
        boolean continued = continuations != null && event instanceof ILoggingEvent e
                && continuations.appliesTo(e.getLoggerName());
        if (!continued && !scrubber.containsSecret(bytes, 0, bytes.length)) {
            return bytes; // clean: one scan over the bytes, no copy of the output (a masked line is scanned twice)
        }
        return scrubMasked(bytes, event instanceof ILoggingEvent e ? e : null, continued);
    }

    /**
     * A line that holds a secret, or a line of a continued stream (scanned as bytes through the continuation stage,
     * copied only when something is masked). Output goes to the thread's reused buffer unless it is in use.
     */
    private byte[] scrubMasked(byte[] bytes, ILoggingEvent event, boolean continued) {
        String previous = reporter.enter(event != null ? event.getLoggerName() : "-");
        Scratch scratch = SCRATCH.get();
        boolean reuse = bytes.length <= REUSED_BUFFER_LIMIT && !scratch.inUse;
        Latin1Bytes text = reuse ? scratch.text : new Latin1Bytes();
        StringBuilder out = reuse ? scratch.out : new StringBuilder(bytes.length + 64);
        scratch.inUse |= reuse;
        try {
            out.setLength(0);
            boolean masked = continued
                    ? continuations.scrubBytesTo(event.getLoggerName(), event.getThreadName(), bytes, 0,
                            bytes.length, out)
                    : scrubber.scrubTo(text.set(bytes, 0, bytes.length), out);
            return masked ? Latin1Bytes.toBytes(out) : bytes;
        } finally {
            text.clear();
            if (reuse) {
                scratch.inUse = false;
                if (out.capacity() > REUSED_BUFFER_LIMIT * 2) {
                    scratch.out = new StringBuilder(256);
                } else {
                    out.setLength(0);
                }
            }
            reporter.exit(previous);
        }
    }

    /** The charset the wrapped encoder reports through a {@code getCharset()} method, if it has one. */
    private static Charset charsetOf(Encoder<?> encoder) {
        try {
            Method m = encoder.getClass().getMethod("getCharset");
            Object value = m.invoke(encoder);
            return value instanceof Charset c ? c : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static boolean isAsciiCompatible(Charset charset) {
        byte[] ascii = new byte[128 - 32 + 3];
        int n = 0;
        for (int c = 32; c < 127; c++) {
            ascii[n++] = (byte) c;
        }
        ascii[n++] = '\t';
        ascii[n++] = '\n';
        ascii[n++] = '\r';
        String text = new String(ascii, 0, n, StandardCharsets.US_ASCII);
        try {
            return Arrays.equals(text.getBytes(charset), Arrays.copyOf(ascii, n));
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    // Options, shared with ScrubbingAppender and ScrubConverter.

    /** {@code typed} (default), {@code full}, {@code partial} or {@code fingerprint}. */
    public void setMaskStyle(String value) {
        options.apply(() -> options.settings().setMaskStyle(value));
    }

    /** Key of the fingerprint hash; the same key on every host makes fingerprints comparable. */
    public void setFingerprintKey(String value) {
        options.apply(() -> options.settings().setFingerprintKey(value));
    }

    /** Comma-separated key names added to the default sensitive keys. */
    public void setSensitiveKeys(String csv) {
        options.apply(() -> options.settings().setSensitiveKeys(csv));
    }

    /** Comma-separated built-in rule ids to turn off. */
    public void setDisabledRules(String csv) {
        options.apply(() -> options.settings().setDisabledRules(csv));
    }

    /** Comma-separated built-in rule ids to keep (all when unset). */
    public void setEnabledRules(String csv) {
        options.apply(() -> options.settings().setEnabledRules(csv));
    }

    /** A custom rule: a nested {@code <rule>} with {@code <id>}, {@code <regex>} and optional {@code <keywords>}. */
    public void addRule(ScrubRule rule) {
        options.apply(() -> options.addRule(rule));
    }

    /** Mask the values of secret-looking environment variables (default true). */
    public void setKnownSecretsFromEnvironment(boolean value) {
        options.apply(() -> options.settings().setKnownSecretsFromEnvironment(value));
    }

    /** Comma-separated environment variable names whose values are masked wherever they appear. */
    public void setKnownSecretVariables(String csv) {
        options.apply(() -> options.settings().setKnownSecretVariables(csv));
    }

    /** Comma-separated files or directories (mounted secrets) whose contents are masked wherever they appear. */
    public void setKnownSecretFiles(String csv) {
        options.apply(() -> options.settings().setKnownSecretFiles(csv));
    }

    /** {@code placeholder} (default) or {@code whole-message}. */
    public void setFailPolicy(String value) {
        options.apply(() -> options.settings().setFailPolicy(value));
    }

    /**
     * Comma-separated logger-name prefixes whose events continue a secret split over consecutive events of one
     * thread (wire loggers); default every logger, {@code none} for none.
     */
    public void setContinuationLoggers(String csv) {
        options.apply(() -> options.settings().setContinuationLoggers(csv));
    }

    /** {@code info} (default) or {@code warn}: the status level of the once-per-rule-and-logger masking report. */
    public void setMaskReportLevel(String value) {
        options.apply(() -> options.settings().setMaskReportLevel(value));
    }

    /**
     * Learn the values that context rules mask ({@code password=…}, a URI password, an MDC sensitive key), so that
     * later bare copies are masked in any event (default true).
     */
    public void setLearnSecrets(boolean value) {
        options.apply(() -> options.settings().setLearnSecrets(value));
    }

    /** How many learned values are kept, the most recently used (default 1024). */
    public void setLearnedSecretsLimit(int value) {
        options.apply(() -> options.settings().setLearnedSecretsLimit(value));
    }

    /** Told the rule id of every masking (for metrics); must be quick and must not log. */
    public void setListener(MaskListener listener) {
        options.setListener(listener);
    }

    /** Per-thread scan state; {@code inUse} guards re-entry (an encoder wrapping another ScrubbingEncoder). */
    private static final class Scratch {
        final Latin1Bytes text = new Latin1Bytes();
        StringBuilder out = new StringBuilder(256);
        boolean inUse;
    }
}
