package dev.scrubber.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one vocabulary of sensitive names, as data. It decides both whether a value found in text under a name is a
 * secret ({@link KeywordValueVerifier}) and whether an MDC entry, key-value pair or field is masked whole
 * ({@link Scrubber#scrubValue}). A name is read as words however it is written ({@code storageAccountKey},
 * {@code secret_access_key}, {@code secret-access-key}, {@code spring.datasource.password}, {@code API KEY},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code APIKEY}); what counts is its <em>last</em> word (the head), ignoring trailing
 * words that still name the value ({@code secretValue}, {@code SecretString}) and trailing numbers, and for some heads
 * the word before it (the qualifier). Matching allocates nothing.
 *
 * <p>Tiers say how much evidence the value then needs (see {@link ValueFilter}): {@link #PASSWORD} names mask any
 * value that is not a placeholder; {@link #CREDENTIAL} names need a value that is not a plain word; {@link #WEAK}
 * names (a bare {@code key}, {@code auth} or {@code session}) need a value that looks random.
 */
final class SensitiveKeys {
    static final int NONE = 0;
    /** A bare {@code key}, {@code auth}, {@code session}: the value must look random. */
    static final int WEAK = 1;
    /** {@code token}, {@code apiKey}, {@code credentials}, {@code cookie}, {@code signature}, {@code sessionId} …. */
    static final int CREDENTIAL = 2;
    /** {@code password}, {@code pwd}, {@code passphrase}, {@code secret}, {@code client_secret} …. */
    static final int PASSWORD = 3;
    /** {@code Authorization}: masked whole as a field; in text its own rule keeps the scheme word. */
    static final int HEADER = 4;

    /** Heads that make any name a password-like name. */
    static final String[] PASSWORD_HEADS = {"password", "passwd", "pwd", "passphrase", "passcode",
            "secret", "pw", "pswd"};
    /** Heads of credential names; {@code token} and {@code key} have qualifier exceptions below. */
    static final String[] CREDENTIAL_HEADS = {"token", "credential", "credentials", "creds", "cookie",
            "cookies", "signature"};
    /** Heads that are sensitive only with a qualifier, or as a weak bare name: {@code key}, {@code auth} …. */
    static final String[] QUALIFIED_HEADS = {"key", "keys", "auth", "session", "pass", "secrets", "tokens"};
    /**
     * Trailing words that still name the value itself: {@code secretValue}, {@code token_b64}, and a form's copies
     * of it ({@code password_confirm}, {@code passwordNew}).
     */
    static final String[] VALUE_SUFFIXES = {"value", "val", "string", "str", "plain", "plaintext", "text",
            "raw", "data", "b64", "base64", "hex", "encoded", "bytes", "literal", "clear", "cleartext", "content",
            "confirm", "confirmation", "new", "old", "current", "repeat", "again", "retype", "retyped", "base"};
    /**
     * Words before {@code key} that make it an identifier, not a credential: {@code primaryKey}, {@code sortKey},
     * {@code cache_key}, {@code idempotency-key}, {@code public_key}, {@code kms_key} ….
     */
    static final String[] NON_SECRET_KEY_QUALIFIERS = {"primary", "foreign", "sort", "sorting",
            "partition", "hash", "range", "cache", "caching", "idempotency", "idempotent", "object", "row", "column",
            "map", "dict", "dictionary", "lookup", "index", "unique", "composite", "natural", "surrogate", "shard",
            "routing", "group", "grouping", "message", "msg", "dedup", "dedupe", "deduplication", "correlation",
            "translation", "i18n", "label", "config", "configuration", "registry", "public", "publishable", "pub",
            "host", "known", "trust", "ordering", "order", "join", "match", "bucket", "prefix", "file", "s3", "blob",
            "metric", "metrics", "tag", "resource", "attribute", "attr", "field", "property", "prop", "lock", "job",
            "task", "queue", "topic", "event", "record", "entity", "state", "redis", "request", "query", "parent",
            "child", "business", "compound", "cluster", "node", "kms", "hot", "short", "shortcut", "enter", "escape",
            "list", "item", "element", "json", "yaml", "header", "mapping", "distribution", "cursor", "table",
            "schema", "template", "feature", "flag", "experiment", "foreign", "local", "lru"};
    /**
     * Words before {@code token} (or {@code tokens}) that make it a counter or a cursor: {@code max_tokens},
     * {@code prompt_tokens}, {@code nextPageToken}, {@code NextToken}, {@code CancellationToken}, parser tokens.
     */
    static final String[] NON_SECRET_TOKEN_QUALIFIERS = {"next", "page", "continuation", "pagination",
            "cursor", "sync", "cancellation", "cancel", "resume", "start", "max", "min", "prompt", "completion",
            "total", "input", "output", "cached", "reasoning", "num", "count", "remaining", "used", "lexer", "parser",
            "syntax", "unexpected", "bos", "eos", "pad", "unk", "sep", "cls", "special", "stop", "end", "vocab",
            "image", "audio", "text", "cache", "batch", "context", "thinking", "generated", "candidates", "response",
            "request", "estimated", "billed"};
    /** Words before {@code tokens} (plural) that keep it a list of credentials: {@code access_tokens}. */
    static final String[] CREDENTIAL_TOKEN_QUALIFIERS = {"access", "refresh", "auth", "api", "bearer",
            "session", "oauth", "id", "personal", "service", "github", "bot"};
    /** Words before {@code keys} (plural) that keep it a list of credentials: {@code api_keys}, {@code accessKeys}. */
    static final String[] CREDENTIAL_PLURAL_QUALIFIERS = {"api", "access", "secret", "private", "signing",
            "encryption", "master", "account", "storage", "client", "ssh", "auth", "app", "service", "license"};
    /**
     * Glued lower-case qualifiers that make a one-word name such as {@code apikey}, {@code dbpassword},
     * {@code accesstoken} or {@code awssecretaccesskey} sensitive (the word must end with one of them before its
     * head). {@code jsonwebtoken}, {@code monkey}, {@code hotkey} do not.
     */
    static final String[] GLUED_QUALIFIERS = {"api", "access", "secret", "private", "account", "storage",
            "signing", "sign", "master", "license", "encryption", "client", "auth", "app", "application",
            "subscription", "session", "shared", "db", "database", "admin", "root", "user", "new", "old", "confirm",
            "current", "login", "bearer", "refresh", "id", "oauth", "csrf", "xsrf", "device", "personal", "service",
            "github", "gitlab", "slack", "npm", "my", "mail", "smtp", "ftp", "ssh", "vault", "jwt", "hmac", "webhook",
            "security", "bot", "ingest", "write", "deploy", "runner", "registration", "store", "keystore",
            "truststore", "key"};
    /** Whole one-word names of session cookies. */
    static final String[] SESSION_COOKIES = {"jsessionid", "phpsessid", "sessid", "sessionid", "sid"};

    /** {@link #VALUE_SUFFIXES} as a word set (a spaced name's trailing word, a glued name's ending). */
    static final WordSet VALUE_SUFFIX = WordSet.ignoringCase(VALUE_SUFFIXES);
    /** The glued qualifiers: words that make a head sensitive when they stand before it. */
    static final WordSet GLUED_QUALIFIER = WordSet.ignoringCase(GLUED_QUALIFIERS);
    private static final WordSet SESSION_COOKIE = WordSet.ignoringCase(SESSION_COOKIES);

    // What a word of a name can be, as bits: a head or a qualifier reads its roles with one lookup.
    private static final int PASSWORD_HEAD = 1;
    private static final int CREDENTIAL_HEAD = 1 << 1;
    private static final int VALUE_WORD = 1 << 2;
    private static final int NOT_SECRET_BEFORE_KEY = 1 << 3;
    private static final int NOT_SECRET_BEFORE_TOKEN = 1 << 4;
    private static final int CREDENTIAL_BEFORE_TOKENS = 1 << 5;
    private static final int CREDENTIAL_BEFORE_KEYS = 1 << 6;
    private static final int AUTHORIZATION = 1 << 7;
    private static final int TOKEN = 1 << 8;
    private static final int TOKENS = 1 << 9;
    private static final int KEY = 1 << 10;
    private static final int KEYS = 1 << 11;
    private static final int AUTH = 1 << 12;
    private static final int WEAK_HEAD = 1 << 13;
    private static final int PASS = 1 << 14;
    private static final int ID = 1 << 15;
    private static final int SESSION = 1 << 16;
    private static final int PASS_SPLIT = 1 << 17;
    private static final WordSet ROLE_WORDS;
    private static final int[] ROLES;

    static {
        Map<String, Integer> roles = new LinkedHashMap<>();
        addRole(roles, PASSWORD_HEAD, PASSWORD_HEADS);
        addRole(roles, CREDENTIAL_HEAD, CREDENTIAL_HEADS);
        addRole(roles, VALUE_WORD, VALUE_SUFFIXES);
        addRole(roles, NOT_SECRET_BEFORE_KEY, NON_SECRET_KEY_QUALIFIERS);
        addRole(roles, NOT_SECRET_BEFORE_TOKEN, NON_SECRET_TOKEN_QUALIFIERS);
        addRole(roles, CREDENTIAL_BEFORE_TOKENS, CREDENTIAL_TOKEN_QUALIFIERS);
        addRole(roles, CREDENTIAL_BEFORE_KEYS, CREDENTIAL_PLURAL_QUALIFIERS);
        addRole(roles, AUTHORIZATION, "authorization");
        addRole(roles, TOKEN, "token");
        addRole(roles, TOKENS, "tokens");
        addRole(roles, KEY, "key");
        addRole(roles, KEYS, "keys");
        addRole(roles, AUTH, "auth");
        addRole(roles, WEAK_HEAD, "session", "secrets");
        addRole(roles, PASS, "pass");
        addRole(roles, ID, "id");
        addRole(roles, SESSION, "session");
        addRole(roles, PASS_SPLIT, "word", "phrase", "code");
        ROLE_WORDS = WordSet.ignoringCase(roles.keySet().toArray(new String[0]));
        ROLES = roles.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addRole(Map<String, Integer> roles, int role, String... words) {
        for (String w : words) {
            roles.merge(w, role, (a, b) -> a | b);
        }
    }

    /** The roles of word {@code w} (0 for a word of no list, or none). */
    private static int roles(CharSequence s, long w) {
        int i = w < 0 ? -1 : ROLE_WORDS.indexOf(s, start(w), end(w));
        return i < 0 ? 0 : ROLES[i];
    }

    /** Names a user added ({@code sensitiveKeys}); matched as before, by suffix ignoring case and separators. */
    private final String[] extra;
    private final boolean vocabulary;

    SensitiveKeys(boolean vocabulary, Collection<String> extraNames) {
        this.vocabulary = vocabulary;
        List<String> normalized = new ArrayList<>();
        for (String name : extraNames) {
            String n = normalize(name);
            if (!n.isEmpty()) {
                normalized.add(n);
            }
        }
        this.extra = normalized.toArray(new String[0]);
    }

    /** Whether values under {@code key} are masked whole (every tier but the weak one, plus added names). */
    boolean isSensitive(CharSequence key) {
        if (key == null) {
            return false;
        }
        for (String name : extra) {
            if (endsWith(key, name)) {
                return true;
            }
        }
        return vocabulary && classify(key, 0, key.length()) >= CREDENTIAL;
    }

    /** The tier of the vocabulary for the key, whatever the user added ({@link #NONE} when not sensitive). */
    int tier(CharSequence key) {
        if (key == null) {
            return NONE;
        }
        for (String name : extra) {
            if (endsWith(key, name)) {
                return CREDENTIAL;
            }
        }
        return vocabulary ? classify(key, 0, key.length()) : NONE;
    }

    /** The tier of the name {@code s[from, to)}. */
    static int classify(CharSequence s, int from, int to) {
        long w = lastWord(s, from, to);
        int head = roles(s, w);
        // Drop trailing numbers and words that still name the value (secretValue, token_b64, signature-256).
        int guard = 0;
        while (w >= 0 && guard++ < 8 && (isDigits(s, w) || (head & VALUE_WORD) != 0)) {
            long before = lastWord(s, from, start(w));
            if (before < 0) {
                break; // a name that is only "value" or "data" stays what it is
            }
            w = before;
            head = roles(s, w);
        }
        if (w < 0) {
            return NONE;
        }
        long q = lastWord(s, from, start(w));
        if (q >= 0 && isDigits(s, q)) {
            q = lastWord(s, from, start(q)); // OAuth2Token: the qualifier of Token is OAuth
        }
        int qualifier = roles(s, q);
        if ((qualifier & PASS) != 0 && (head & PASS_SPLIT) != 0) {
            return PASSWORD; // passWord, passPhrase: one word that camel case split
        }
        // "db_pass", "smtpPass" name a password; "boolean pass", "tests pass" do not
        boolean qualified = q >= 0 && ((head & PASS) == 0 || s.charAt(start(w) - 1) != ' ');
        int tier = headTier(head, qualified, qualifier);
        if (tier == NONE) {
            tier = gluedTier(s, start(w), end(w));
        }
        if (tier == NONE && (head & ID) != 0 && (qualifier & SESSION) != 0) {
            tier = CREDENTIAL; // sessionId, session_id: a bearer credential
        }
        return tier;
    }

    /** The tier of a head word with these roles, after a qualifier word (if {@code qualified}) with these. */
    private static int headTier(int head, boolean qualified, int qualifier) {
        if ((head & PASSWORD_HEAD) != 0) {
            return PASSWORD;
        }
        if ((head & AUTHORIZATION) != 0) {
            return HEADER;
        }
        if ((head & TOKEN) != 0) {
            return (qualifier & NOT_SECRET_BEFORE_TOKEN) != 0 ? NONE : CREDENTIAL;
        }
        if ((head & CREDENTIAL_HEAD) != 0) {
            return CREDENTIAL;
        }
        if ((head & TOKENS) != 0) {
            return (qualifier & CREDENTIAL_BEFORE_TOKENS) != 0 ? CREDENTIAL : NONE;
        }
        if ((head & KEY) != 0) {
            return !qualified ? WEAK : (qualifier & NOT_SECRET_BEFORE_KEY) != 0 ? NONE : CREDENTIAL;
        }
        if ((head & KEYS) != 0) {
            return (qualifier & CREDENTIAL_BEFORE_KEYS) != 0 ? CREDENTIAL : NONE; // api_keys, not sensitiveKeys
        }
        if ((head & AUTH) != 0) {
            return !qualified ? WEAK : CREDENTIAL;
        }
        if ((head & WEAK_HEAD) != 0) {
            return WEAK;
        }
        if ((head & PASS) != 0) {
            return !qualified ? NONE : PASSWORD; // db_pass, SMTP_PASS; a bare "pass" is a word
        }
        return NONE;
    }

    /** A one-word name such as {@code apikey}, {@code dbpassword}, {@code secretstring}, {@code JSESSIONID}. */
    private static int gluedTier(CharSequence s, int from, int to) {
        if (to - from < 5) {
            return NONE;
        }
        if (SESSION_COOKIE.contains(s, from, to)) {
            return CREDENTIAL;
        }
        int end = to;
        long suffixes = VALUE_SUFFIX.endings(s, from, to, to - from - 3);
        if (suffixes != 0) {
            end = to - VALUE_SUFFIXES[Long.numberOfTrailingZeros(suffixes)].length(); // the first listed one
        }
        // Heads in list order, as several may end the word.
        for (long heads = GLUED_HEAD.endings(s, from, end, end - from); heads != 0; heads &= heads - 1) {
            int h = Long.numberOfTrailingZeros(heads);
            int prefixEnd = end - GLUED_HEADS[h].length();
            if (prefixEnd == from) {
                return end < to ? GLUED_TIERS[h] : NONE; // secretvalue; a bare head was read as a word already
            }
            if (GLUED_QUALIFIER.endings(s, from, prefixEnd, prefixEnd - from) != 0) {
                return GLUED_TIERS[h];
            }
            // ("pass" itself needs a qualifier: bypass, compass)
            if (h != PWD && GLUED_HEADS[h].startsWith("pass") && GLUED_HEADS[h].length() > 4 && prefixEnd - from >= 2
                    && lettersOnly(s, from, prefixEnd) && !NOT_A_PASSWORD_BEFORE.contains(s, from, prefixEnd)) {
                return PASSWORD; // PGPASSWORD, KEYSTOREPASSWORD: whatever holds a password is named for it
            }
        }
        return NONE;
    }

    private static boolean lettersOnly(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** {@code pwd} glued after a word is more often a directory ({@code OLDPWD}) than a password. */
    private static final int PWD = 2;
    /** Words glued before {@code password} that name an action or a flag, not the password. */
    static final String[] NOT_A_PASSWORD_BEFORE_WORDS = {"forgot", "forgotten", "reset", "change", "has", "no", "is",
        "show", "require", "requires", "required", "use", "uses", "with", "enable", "enabled", "disable", "disabled",
        "allow", "set", "update", "validate", "verify", "check", "expired", "expire", "invalid", "wrong", "bad",
        "empty", "one", "single"};
    private static final WordSet NOT_A_PASSWORD_BEFORE = WordSet.ignoringCase(NOT_A_PASSWORD_BEFORE_WORDS);

    private static final String[] GLUED_HEADS = {"password", "passwd", "pwd", "passphrase", "secret",
            "token", "key", "credentials", "credential", "cookie", "signature", "sessionid", "pass"};
    private static final int[] GLUED_TIERS = {PASSWORD, PASSWORD, PASSWORD, PASSWORD, PASSWORD, CREDENTIAL,
        CREDENTIAL, CREDENTIAL, CREDENTIAL, CREDENTIAL, CREDENTIAL, CREDENTIAL, PASSWORD};
    private static final WordSet GLUED_HEAD = WordSet.ignoringCase(GLUED_HEADS);

    /**
     * The last word of {@code s[from, to)} as {@code start << 32 | end}, or -1. Words are split at every character
     * that is not a letter or digit, between a lower-case and an upper-case letter ({@code apiKey}), before the
     * last capital of a capital run followed by lower case ({@code APIKey}), and between letters and digits.
     */
    static long lastWord(CharSequence s, int from, int to) {
        int e = to;
        while (e > from && !isAlnum(s.charAt(e - 1))) {
            e--;
        }
        if (e == from) {
            return -1;
        }
        int b = e - 1;
        char last = s.charAt(b);
        if (isDigit(last)) {
            while (b > from && isDigit(s.charAt(b - 1))) {
                b--;
            }
        } else if (isLower(last)) {
            while (b > from && isLower(s.charAt(b - 1))) {
                b--;
            }
            if (b > from && isUpper(s.charAt(b - 1))) {
                b--; // the capital that starts a camel-case word
            }
        } else {
            while (b > from && isUpper(s.charAt(b - 1))) {
                b--;
            }
        }
        return (long) b << 32 | e;
    }

    static int start(long word) {
        return (int) (word >>> 32);
    }

    static int end(long word) {
        return (int) word;
    }

    private static boolean isDigits(CharSequence s, long w) {
        return isDigit(s.charAt(start(w)));
    }

    private static boolean isAlnum(char c) {
        return isLower(c) || isUpper(c) || isDigit(c);
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean endsWith(CharSequence key, String name) {
        int k = key.length() - 1;
        for (int i = name.length() - 1; i >= 0; i--) {
            while (k >= 0 && isSeparator(key.charAt(k))) {
                k--;
            }
            if (k < 0 || Text.lowerAscii(key.charAt(k)) != name.charAt(i)) {
                return false;
            }
            k--;
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '-' || c == '.' || c == ' ';
    }

    static String normalize(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (!isSeparator(c)) {
                sb.append(Text.lowerAscii(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
