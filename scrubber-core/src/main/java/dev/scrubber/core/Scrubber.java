package dev.scrubber.core;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Masks credentials in text. One pass finds the literal anchors of all enabled rules together; verifiers run
 * only at anchor hits and are bounded by each rule's maximum length, so the cost is linear in the input and,
 * on clean text, independent of the number of rules. Clean text is returned as the same instance without
 * allocating.
 *
 * <p>Instances are immutable apart from {@link #addKnownSecret(String)} and safe to share between threads. Build
 * one per configuration and reuse it:
 *
 * <pre>{@code
 * Scrubber scrubber = Scrubber.builder()
 *         .maskStyle(MaskStyle.TYPED)
 *         .disableRules("jwt")
 *         .addRule("acme-key", "acme_[a-z0-9]{32}")
 *         .build();
 * String safe = scrubber.scrub(message);
 * }</pre>
 *
 * <p>Methods return {@code null} for {@code null} text. A {@link MaskListener} that throws makes the call throw;
 * the logging adapters catch every exception and write a placeholder instead of the text.
 */
public final class Scrubber {
    /** Rule id reported for values masked because their key is sensitive ({@link #scrubValue}). */
    public static final String SENSITIVE_KEY_RULE = "sensitive-key";

    private final List<Rule> configuredRules;
    private final Set<String> knownSecrets;
    private final SensitiveKeys sensitiveKeys;
    private final Masker masker;
    private final MaskListener listener;
    private final String sensitiveMask;
    /** Values masked by context rules, learned so that later bare copies are masked too; null when off. */
    private final LearnedSecrets learned;
    private final long learnIntervalNanos;
    private volatile long lastCompile = System.nanoTime();
    private volatile Engine engine;

    /** Secrets registered for every scrubber in the process, and a version that changes when one is added. */
    private static final Set<String> GLOBAL_SECRETS = new LinkedHashSet<>(); // insertion order: oldest first
    private static long globalChars;
    private static final AtomicLong GLOBAL_VERSION = new AtomicLong();
    /**
     * Most values {@link #addGlobalKnownSecret} holds. Each value is matched in up to five forms, and every scrubber
     * keeps them in its anchor table (measured: about 2.3 KB per 20-character value per scrubber).
     */
    public static final int MAX_GLOBAL_SECRETS = 1_000;
    /** Most characters all values of {@link #addGlobalKnownSecret} hold together. */
    public static final int MAX_GLOBAL_SECRET_CHARS = 64 * 1024;
    /** Longest value {@link #addGlobalKnownSecret} accepts. */
    public static final int MAX_GLOBAL_SECRET_LENGTH = 4096;

    private Scrubber(Builder b, List<Rule> rules, Set<String> knownSecrets) {
        this.configuredRules = List.copyOf(rules);
        this.knownSecrets = new LinkedHashSet<>(knownSecrets);
        this.sensitiveKeys = new SensitiveKeys(b.vocabulary, b.extraKeys);
        this.masker = new Masker(b.maskStyle, b.fingerprintKey);
        this.listener = b.listener;
        this.sensitiveMask = masker.isFixed() ? masker.fixed(Masker.typed(SENSITIVE_KEY_RULE)) : null;
        this.learned = b.learnedCapacity > 0 ? new LearnedSecrets(b.learnedCapacity) : null;
        this.learnIntervalNanos = b.learnIntervalNanos;
        this.engine = compile();
    }

    /** All built-in rules, the default mask style, and known secrets from the environment. */
    public static Scrubber defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The built-in rules in catalog order. */
    public static List<RuleInfo> builtInRules() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule r : Catalog.rules()) {
            out.add(new RuleInfo(r.id, r.description, r.verifier.describe(),
                    r.anchors.stream().map(Anchor::literal).toList()));
        }
        return List.copyOf(out);
    }

    /**
     * Returns {@code text} with every secret masked; the same instance, without allocating, when nothing matched.
     */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Engine e = engine();
        ScanState state = ScanState.acquire();
        try {
            e.scan(text, state);
            if (state.size == 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 24 * state.size);
            writeMasked(e, text, state, out);
            return out.toString();
        } finally {
            state.release();
        }
    }

    /**
     * Appends {@code text}, scrubbed, to {@code out}. Allocates nothing when {@code out} has room and, in the
     * typed or full style, nothing at all.
     *
     * @return whether anything was masked
     */
    public boolean scrubTo(CharSequence text, StringBuilder out) {
        if (text == null) {
            out.append((String) null);
            return false;
        }
        Engine e = engine();
        ScanState state = ScanState.acquire();
        try {
            e.scan(text, state);
            if (state.size == 0) {
                out.append(text);
                return false;
            }
            writeMasked(e, text, state, out);
            return true;
        } finally {
            state.release();
        }
    }

    /**
     * Scrubs {@code buffer[from, to)} in place (garbage-free callers, such as a Log4j2 converter, own the buffer).
     * Text outside the range is neither read for matching nor changed, apart from being shifted.
     *
     * @return the number of spans masked; the range's new end is {@code to} plus the length change
     */
    public int scrub(StringBuilder buffer, int from, int to) {
        if (buffer == null || from >= to) {
            return 0;
        }
        Engine e = engine();
        ScanState state = ScanState.acquire();
        Region region = state.region.set(buffer, from, to);
        try {
            e.scan(region, state);
            return maskInPlace(e, state, region, buffer, from);
        } finally {
            region.clear();
            state.release();
        }
    }

    /** Writes the findings in {@code state} over {@code buffer}, whose range from {@code from} {@code region} views. */
    int maskInPlace(Engine e, ScanState state, Region region, StringBuilder buffer, int from) {
        int masked = state.size;
        if (masked == 0) {
            return 0;
        }
        learn(e, region, state);
        StringBuilder mask = masker.isFixed() ? null : new StringBuilder();
        for (int i = masked - 1; i >= 0; i--) {
            int start = ScanState.start(state.spans[i]);
            int end = ScanState.end(state.spans[i]);
            int r = state.rules[i];
            notifyListener(e.rules[r].id);
            if (mask == null) {
                buffer.replace(from + start, from + end, masker.fixed(e.typedMasks[r]));
            } else {
                mask.setLength(0);
                appendMask(e, r, region, start, end, mask);
                buffer.replace(from + start, from + end, mask.toString());
            }
        }
        return masked;
    }

    /**
     * Scrubs a value that has a name: an MDC entry, a key-value pair, a JSON field. The whole value is masked when
     * the key is sensitive ({@code password}, {@code apiKey}, {@code X-Auth-Token} …, ignoring case and
     * separators); otherwise the value is scrubbed as text.
     */
    public String scrubValue(String key, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (isSensitiveValue(key, value)) {
            if (learned != null) {
                learned.learn(value, 0, value.length(), new int[128]);
            }
            notifyListener(SENSITIVE_KEY_RULE);
            if (sensitiveMask != null) {
                return sensitiveMask;
            }
            StringBuilder out = new StringBuilder();
            masker.append(out, value, 0, value.length(), SENSITIVE_KEY_RULE, 0, Masker.typed(SENSITIVE_KEY_RULE));
            return out.toString();
        }
        return scrub(value);
    }

    private boolean isSensitiveValue(String key, String value) {
        int tier = sensitiveKeys.tier(key);
        if (tier == SensitiveKeys.NONE || Placeholders.isPlaceholder(value, 0, value.length())) {
            return false;
        }
        // A bare "key" names a cache key as often as a credential: its value must look random.
        return tier != SensitiveKeys.WEAK || value.length() >= ValueFilter.WEAK_MIN_LENGTH
                && ValueFilter.looksRandom(value, 0, value.length());
    }

    /**
     * Whether values under {@code key} are masked whole by {@link #scrubValue} (a bare {@code key} only when the
     * value looks random).
     */
    public boolean isSensitiveKey(CharSequence key) {
        return sensitiveKeys.isSensitive(key);
    }

    /** The secrets in {@code text}, merged where they overlap, in order. Findings never hold the secret. */
    public List<Finding> find(CharSequence text) {
        if (text == null || text.length() == 0) {
            return List.of();
        }
        Engine e = engine();
        ScanState state = ScanState.acquire();
        try {
            e.scan(text, state);
            if (state.size == 0) {
                return List.of();
            }
            List<Finding> out = new ArrayList<>(state.size);
            for (int i = 0; i < state.size; i++) {
                out.add(new Finding(e.rules[state.rules[i]].id, ScanState.start(state.spans[i]),
                        ScanState.end(state.spans[i])));
            }
            return out;
        } finally {
            state.release();
        }
    }

    /**
     * Whether {@code text} holds anything {@link #scrub} would mask; allocates nothing. For adapters that must
     * decide whether an event needs a scrubbed copy before building one.
     */
    public boolean containsSecret(CharSequence text) {
        if (text == null || text.length() == 0) {
            return false;
        }
        Engine e = engine();
        ScanState state = ScanState.acquire();
        try {
            e.plan.scan(text, e.rules, state);
            return state.size > 0;
        } finally {
            state.release();
        }
    }

    /**
     * Whether the ISO-8859-1 text in {@code bytes[from, to)} (one byte per character) holds anything {@link #scrub}
     * would mask; allocates nothing. For encoders that scrub encoded output of an ASCII-compatible charset: every
     * ASCII character, and so every anchor of every rule, has the same code in both views.
     */
    public boolean containsSecret(byte[] bytes, int from, int to) {
        if (bytes == null || from >= to) {
            return false;
        }
        Engine e = engine();
        ScanState state = ScanState.acquire();
        Latin1Bytes text = state.latin1.set(bytes, from, to);
        try {
            e.plan.scan(text, e.rules, state);
            return state.size > 0;
        } finally {
            text.clear();
            state.release();
        }
    }

    /**
     * Registers a secret value at run time (fetched from a secrets manager, rotated by a dynamic-credential
     * system): from now on it and its base64 and URL-encoded forms are masked wherever they appear. Safe to call
     * while other threads are scrubbing; they see the new value on their next call.
     *
     * @throws IllegalArgumentException if the value is shorter than 4 characters or has no ASCII character
     */
    public void addKnownSecret(String value) {
        KnownSecrets.check(value);
        synchronized (knownSecrets) {
            if (knownSecrets.add(value)) {
                engine = compile();
            }
        }
    }

    /**
     * Registers a secret value for every {@code Scrubber} in this JVM, including those that the Logback and Log4j2
     * components built from their configuration: use it for credentials fetched or rotated at run time. Each
     * scrubber picks the value up on its next call (one volatile read per call; a recompile only after a change).
     * Values stay registered: after a rotation the old and the new value are both masked. Memory is bounded: at
     * most {@link #MAX_GLOBAL_SECRETS} values of at most {@link #MAX_GLOBAL_SECRET_LENGTH} characters, and
     * {@link #MAX_GLOBAL_SECRET_CHARS} characters in all; past that the oldest values are dropped to make room,
     * since the logs being written hold the newest ones.
     *
     * @return whether the value is now known (false when it is longer than {@link #MAX_GLOBAL_SECRET_LENGTH})
     * @throws IllegalArgumentException if the value is shorter than 4 characters or has no ASCII character
     */
    public static boolean addGlobalKnownSecret(String value) {
        KnownSecrets.check(value);
        if (value.length() > MAX_GLOBAL_SECRET_LENGTH) {
            return false;
        }
        synchronized (GLOBAL_SECRETS) {
            if (GLOBAL_SECRETS.contains(value)) {
                return true;
            }
            Iterator<String> oldest = GLOBAL_SECRETS.iterator();
            while (GLOBAL_SECRETS.size() >= MAX_GLOBAL_SECRETS || globalChars + value.length() > MAX_GLOBAL_SECRET_CHARS) {
                globalChars -= oldest.next().length();
                oldest.remove();
            }
            GLOBAL_SECRETS.add(value);
            globalChars += value.length();
            GLOBAL_VERSION.incrementAndGet();
        }
        return true;
    }

    /**
     * Whether a value taken from configuration under a secret-looking name is fit to be a known secret: the rule
     * applied to environment variables (8+ characters, no whitespace, not a placeholder such as {@code ${DB_PASS}}
     * or {@code changeme}, not a short plain word), so that masking it cannot touch ordinary text.
     */
    public static boolean isUsableKnownSecret(String value) {
        return value != null && KnownSecrets.isUsableValue(value);
    }

    /** The current engine, recompiled first if a global known secret was added since it was built. */
    Engine engine() {
        Engine e = engine;
        if (learned != null && e.learnedVersion != learned.version()
                && System.nanoTime() - lastCompile >= learnIntervalNanos) {
            synchronized (knownSecrets) {
                e = engine;
                if (e.learnedVersion != learned.version()) {
                    e = compile();
                    engine = e;
                }
            }
        }
        if (e.globalVersion != GLOBAL_VERSION.get()) {
            synchronized (knownSecrets) {
                e = engine;
                if (e.globalVersion != GLOBAL_VERSION.get()) {
                    e = compile();
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * A number that changes whenever what this scrubber masks changes (a known secret added with
     * {@link #addKnownSecret} or {@link #addGlobalKnownSecret}). Callers that remember texts found clean (the
     * logging components remember a thread's unchanged MDC map) must forget them when it changes. Two volatile
     * reads; read it before scrubbing, so that a change during the scrub makes the memory stale, never wrong.
     */
    public long version() {
        return engine().version;
    }

    /** The ids of the rules in effect, built-in and custom, plus {@code known-secret} when values are known. */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        for (Rule r : engine().rules) {
            ids.add(r.id);
        }
        return ids;
    }

    private Engine compile() {
        List<Rule> rules = new ArrayList<>(configuredRules);
        Set<String> variants = new LinkedHashSet<>();
        long version = GLOBAL_VERSION.get(); // read first: a secret added meanwhile triggers another compile
        synchronized (knownSecrets) {
            for (String value : knownSecrets) {
                variants.addAll(KnownSecrets.variants(value));
            }
        }
        synchronized (GLOBAL_SECRETS) {
            for (String value : GLOBAL_SECRETS) {
                variants.addAll(KnownSecrets.variants(value));
            }
        }
        if (!variants.isEmpty()) {
            RuleDef known = RuleDef.structural(KnownSecrets.RULE_ID, "A registered secret value", LiteralVerifier.INSTANCE)
                    .anchors(variants.toArray(new String[0]));
            rules.add(known.build());
        }
        long learnedVersion = learned == null ? 0 : learned.version();
        if (learned != null) {
            List<String> values = learned.snapshot();
            if (!values.isEmpty()) {
                rules.add(RuleDef.structural(LearnedSecrets.RULE_ID, "A value a context rule masked earlier",
                        LiteralVerifier.WHOLE_TOKEN).anchors(values.toArray(new String[0])).build());
            }
        }
        lastCompile = System.nanoTime();
        return new Engine(rules, version, learnedVersion);
    }

    /** Remembers the values that context rules masked (the learned-secrets option). */
    private void learn(Engine e, CharSequence text, ScanState state) {
        if (learned == null) {
            return;
        }
        for (int i = 0; i < state.size; i++) {
            if (e.rules[state.rules[i]].contextual()) {
                learned.learn(text, ScanState.start(state.spans[i]), ScanState.end(state.spans[i]), state.counts);
            }
        }
    }

    void writeMasked(Engine e, CharSequence text, ScanState state, StringBuilder out) {
        learn(e, text, state);
        int last = 0;
        for (int i = 0; i < state.size; i++) {
            int start = ScanState.start(state.spans[i]);
            int end = ScanState.end(state.spans[i]);
            int r = state.rules[i];
            out.append(text, last, start);
            appendMask(e, r, text, start, end, out);
            notifyListener(e.rules[r].id);
            last = end;
        }
        out.append(text, last, text.length());
    }

    private void appendMask(Engine e, int r, CharSequence text, int start, int end, StringBuilder out) {
        Rule rule = e.rules[r];
        masker.append(out, text, start, end, rule.id, rule.publicPrefixLength(text, start), e.typedMasks[r]);
    }

    private void notifyListener(String ruleId) {
        if (listener != null) {
            listener.masked(ruleId);
        }
    }

    /** Configures a {@link Scrubber}; every option has a sensible default. Not thread-safe. */
    public static final class Builder {
        private final Set<String> disabled = new LinkedHashSet<>();
        private Set<String> enabledOnly;
        private final Map<String, Rule> customRules = new LinkedHashMap<>();
        private final Set<String> knownSecrets = new LinkedHashSet<>();
        private boolean vocabulary = true;
        private final List<String> extraKeys = new ArrayList<>();
        private boolean fromEnvironment = true;
        private Map<String, String> environment;
        private MaskStyle maskStyle = MaskStyle.TYPED;
        private byte[] fingerprintKey;
        private MaskListener listener;
        private int learnedCapacity = LearnedSecrets.DEFAULT_CAPACITY;
        private long learnIntervalNanos = 100_000_000L;

        private Builder() {
        }

        /** Keeps only the named built-in rules (custom rules and known secrets stay). */
        public Builder enableOnly(String... ruleIds) {
            enabledOnly = new LinkedHashSet<>(checkedIds(ruleIds));
            return this;
        }

        /** Turns off the named built-in rules. */
        public Builder disableRules(String... ruleIds) {
            disabled.addAll(checkedIds(ruleIds));
            return this;
        }

        /**
         * Adds a rule written in RE2 syntax (linear time: no pattern can hang logging). When the pattern has a
         * capturing group, only group 1 is masked. Without {@code keywords}, the engine derives a literal that
         * every match contains and refuses the rule if it cannot; with keywords (ASCII case-insensitive), the
         * pattern is tried within 256 characters of each keyword occurrence.
         *
         * @throws IllegalArgumentException for a bad id, a bad pattern, or a pattern that cannot be anchored
         */
        public Builder addRule(String id, String regex, String... keywords) {
            if (id == null || Catalog.rules().stream().anyMatch(r -> r.id.equals(id)) || customRules.containsKey(id)) {
                throw new IllegalArgumentException("custom rule id '" + id + "' is missing or already used");
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException | NullPointerException e) {
                throw new IllegalArgumentException("custom rule '" + id + "': invalid RE2 pattern: " + e.getMessage(), e);
            }
            RuleDef def = RuleDef.structural(id, "custom rule", new RegexVerifier(pattern, 256));
            if (keywords.length > 0) {
                def.keywords(keywords);
            } else {
                String literal = RequiredLiteral.derive(regex);
                if (literal == null) {
                    throw new IllegalArgumentException("custom rule '" + id + "': cannot derive a literal of at least "
                            + RequiredLiteral.MIN_LENGTH + " characters that every match contains; declare keywords");
                }
                if (RequiredLiteral.ignoresCase(regex)) {
                    def.keywords(literal);
                } else {
                    def.anchors(literal);
                }
            }
            customRules.put(id, def.build());
            return this;
        }

        /**
         * Replaces the built-in name vocabulary for {@link Scrubber#scrubValue} with these names (matched as a
         * suffix, ignoring case and separators). Text is still scanned with the built-in vocabulary.
         */
        public Builder sensitiveKeys(Collection<String> names) {
            vocabulary = false;
            extraKeys.clear();
            extraKeys.addAll(names);
            return this;
        }

        /** Adds sensitive key names to the built-in vocabulary; they are also found in text ({@code ssn=…}). */
        public Builder addSensitiveKeys(String... names) {
            extraKeys.addAll(Arrays.asList(names));
            return this;
        }

        /** Exact secret values to mask wherever they appear, also base64 and URL-encoded. */
        public Builder knownSecrets(String... values) {
            for (String v : values) {
                KnownSecrets.check(v);
                knownSecrets.add(v);
            }
            return this;
        }

        /**
         * Whether to mask the values of environment variables whose names look secret ({@code *_KEY},
         * {@code *_TOKEN}, {@code *_SECRET}, {@code *PASSWORD*} …) and whose values are at least 8 characters.
         * On by default.
         */
        public Builder knownSecretsFromEnvironment(boolean enabled) {
            fromEnvironment = enabled;
            return this;
        }

        Builder environment(Map<String, String> env) {
            environment = env;
            return this;
        }

        /**
         * Whether values masked by a context rule ({@code password=…}, {@code "apiKey": "…"}, a URI's password, an
         * access key id's secret) are learned, so that a later bare occurrence of the same value, in any event, is
         * masked too. On by default; bounded to the 1,024 most recently used values of 8–256 characters with at least
         * 3 bits of entropy per character. Values are kept in memory only and never printed; a newly learned value
         * takes effect within 100 ms.
         */
        public Builder learnSecrets(boolean enabled) {
            learnedCapacity = !enabled ? 0 : learnedCapacity > 0 ? learnedCapacity : LearnedSecrets.DEFAULT_CAPACITY;
            return this;
        }

        /** How many learned values are kept (the most recently used); 0 turns learning off. */
        public Builder learnedSecretsLimit(int values) {
            if (values < 0) {
                throw new IllegalArgumentException("learnedSecretsLimit must be >= 0");
            }
            learnedCapacity = values;
            return this;
        }

        /** For tests: how long a learned value may wait before the engine is recompiled with it. */
        Builder learnInterval(long nanos) {
            learnIntervalNanos = nanos;
            return this;
        }

        public Builder maskStyle(MaskStyle style) {
            maskStyle = style == null ? MaskStyle.TYPED : style;
            return this;
        }

        /**
         * The key of the {@link MaskStyle#FINGERPRINT} hash. Give every instance the same key to compare
         * fingerprints across hosts; without it a random per-process key is used.
         */
        public Builder fingerprintKey(String key) {
            fingerprintKey = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder listener(MaskListener l) {
            listener = l;
            return this;
        }

        public Scrubber build() {
            List<Rule> rules = new ArrayList<>();
            for (Rule r : Catalog.rules()) {
                if (!disabled.contains(r.id) && (enabledOnly == null || enabledOnly.contains(r.id))) {
                    rules.add(r);
                }
            }
            rules.addAll(customRules.values());
            List<String> added = extraKeys.stream()
                    .filter(k -> !k.isBlank() && SensitiveKeys.classify(k, 0, k.length()) < SensitiveKeys.CREDENTIAL)
                    .toList();
            if (!added.isEmpty()) {
                // Names the user declared sensitive are also found in text, as in "ssn=078-05-1120".
                rules.add(RuleDef.assignment(SENSITIVE_KEY_RULE, "A value assigned to a configured sensitive key")
                        .keywords(added.toArray(new String[0])).value(1, 512).build());
            }
            Set<String> known = new LinkedHashSet<>(knownSecrets);
            if (fromEnvironment) {
                known.addAll(KnownSecrets.fromEnvironment(environment != null ? environment : System.getenv()));
            }
            if (fingerprintKey == null || fingerprintKey.length == 0) {
                fingerprintKey = new byte[32];
                new SecureRandom().nextBytes(fingerprintKey);
            }
            return new Scrubber(this, rules, known);
        }

        private static List<String> checkedIds(String... ids) {
            List<String> out = new ArrayList<>();
            for (String id : ids) {
                String trimmed = id.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (Catalog.rules().stream().noneMatch(r -> r.id.equals(trimmed))) {
                    throw new IllegalArgumentException("unknown rule id '" + trimmed + "'; see docs/rules.md");
                }
                out.add(trimmed);
            }
            return out;
        }
    }
}
