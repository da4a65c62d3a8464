package dev.scrubber.bench;

import dev.scrubber.core.BenignLogs;
import dev.scrubber.core.FakeSecrets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Seeded benchmark inputs: {@link #COUNT} distinct messages of one kind and size, so that the branch predictor
 * cannot learn one fixed string. Every secret is generated at run time by the core's {@link FakeSecrets}; clean
 * text comes from {@link BenignLogs} (UUIDs, trace ids, hashes, timestamps, paths, look-alike words).
 */
public final class Corpora {
    /** Messages per corpus: at least 1,000, a power of two so the cursor can wrap with a mask. */
    public static final int COUNT = 1024;

    /** The corpus kinds, as the {@code corpus} benchmark parameter spells them. */
    public static final List<String> KINDS = List.of("clean", "json", "stacktrace", "utf16", "one-secret",
            "secrets-1", "secrets-10", "adversarial");

    /** Characters above U+00FF: one of them turns a compact Latin-1 string into UTF-16. */
    private static final String NON_LATIN1 = "\u2014\u20ac\u2192\u4e2d\u0142\u2026";
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Corpora() {
    }

    /**
     * {@link #COUNT} distinct messages of {@code kind}, each about {@code size} characters long (exactly, except
     * where a secret longer than the size must stay whole).
     */
    public static String[] messages(String kind, int size, long seed) {
        return withInsertions(kind, size, seed).stream().map(Message::text).toArray(String[]::new);
    }

    /** A message and, for the secret kinds, the fake secrets inserted into it, in order. */
    record Message(String text, List<Inserted> secrets) {
    }

    /** A sample's text inserted at {@code start} of a message. */
    record Inserted(FakeSecrets.Sample sample, int start) {
        int end() {
            return start + sample.text().length();
        }
    }

    /** The messages of {@link #messages}, with where their secrets were inserted (for the corpus tests). */
    static List<Message> withInsertions(String kind, int size, long seed) {
        Random random = new Random(seed ^ kind.hashCode() * 31L ^ size);
        LinePool pool = new LinePool(seed);
        Set<String> seen = new HashSet<>();
        List<Message> out = new ArrayList<>(COUNT);
        int attempts = 0;
        while (out.size() < COUNT) {
            Message m = message(kind, size, random, pool);
            if (seen.add(m.text())) {
                out.add(m);
            } else if (++attempts > 100 * COUNT) {
                throw new IllegalStateException("cannot make " + COUNT + " distinct " + kind + " messages of " + size);
            }
        }
        return out;
    }

    private static Message message(String kind, int size, Random random, LinePool pool) {
        return switch (kind) {
            case "one-secret" -> withSecrets(size, 1, random, pool);
            case "secrets-1" -> withSecrets(size, Math.max(1, Math.round(size / 1024f)), random, pool);
            case "secrets-10" -> withSecrets(size, Math.max(1, Math.round(10 * size / 1024f)), random, pool);
            default -> new Message(switch (kind) {
                case "clean" -> filler(size, random, pool::plain, " ");
                case "json" -> filler(size, random, pool::json, "\n");
                case "stacktrace" -> filler(size, random, r -> pool.stackTrace(r), "\n");
                case "utf16" -> utf16(filler(size, random, pool::plain, " "), random);
                case "adversarial" -> filler(size, random, Corpora::nearMisses, " ");
                default -> throw new IllegalArgumentException("unknown corpus " + kind + "; one of " + KINDS);
            }, List.of());
        };
    }

    interface Source {
        String next(Random random);
    }

    /** Joins pieces from {@code source} until {@code size} characters, then cuts there. */
    private static String filler(int size, Random random, Source source, String separator) {
        StringBuilder sb = new StringBuilder(size + 256);
        while (sb.length() < size) {
            if (sb.length() > 0) {
                sb.append(separator);
            }
            sb.append(source.next(random));
        }
        sb.setLength(size);
        return sb.toString();
    }

    private static String utf16(String latin1, Random random) {
        StringBuilder sb = new StringBuilder(latin1);
        sb.setCharAt(random.nextInt(sb.length()), NON_LATIN1.charAt(random.nextInt(NON_LATIN1.length())));
        return sb.toString();
    }

    /** Clean text with {@code count} fake secrets inserted at word boundaries, spread over the message. */
    private static Message withSecrets(int size, int count, Random random, LinePool pool) {
        List<FakeSecrets.Sample> secrets = new ArrayList<>(count);
        int budget = Math.max(24, size / count - 8);
        int secretChars = 0;
        for (int i = 0; i < count; i++) {
            FakeSecrets.Sample s = pool.secret(random, budget);
            secrets.add(s);
            secretChars += s.text().length() + 2;
        }
        String text = filler(Math.max(count, size - secretChars), random, pool::plain, " ");
        StringBuilder sb = new StringBuilder(size + 64);
        List<Inserted> inserted = new ArrayList<>(count);
        int from = 0;
        for (int i = 0; i < count; i++) {
            int at = (int) ((long) text.length() * (i + 1) / (count + 1));
            int space = text.indexOf(' ', Math.max(at, from));
            at = space < 0 ? text.length() : space;
            sb.append(text, from, at).append(' ');
            inserted.add(new Inserted(secrets.get(i), sb.length()));
            sb.append(secrets.get(i).text()).append(' ');
            from = at;
        }
        sb.append(text, from, text.length());
        return new Message(sb.toString(), List.copyOf(inserted));
    }

    /** One dense burst of anchors that almost, but not quite, start a secret. */
    private static String nearMisses(Random random) {
        String sk = "sk" + "-";
        return switch (random.nextInt(12)) {
            case 0 -> sk + sk + sk + run(random, B64, random.nextInt(10));
            case 1 -> sk + "ant" + "-" + run(random, B64, random.nextInt(12));
            case 2 -> sk + "proj" + "-" + run(random, B64, random.nextInt(30));
            case 3 -> "AK" + "IA" + run(random, UPPER, random.nextInt(12));
            case 4 -> "-----BEGIN " + pick(random, "RSA PRIVATE KEY----", "PRIVATE KEY", "OPENSSH PRIVATE",
                    "EC PRIVATE KEY-----\n") + run(random, B64, random.nextInt(40));
            case 5 -> run(random, B64, 64 + random.nextInt(512));
            case 6 -> pick(random, "password", "passwd", "token", "secret", "api_key") + pick(random, " ", "=", ": ",
                    " password ", " token ") + run(random, B64, random.nextInt(4));
            case 7 -> pick(random, "ghp", "gho", "glpat", "xoxb", "hf", "npm") + pick(random, "_", "-")
                    + run(random, B64, random.nextInt(16));
            case 8 -> "ey" + "J" + run(random, B64, random.nextInt(24)) + "." + "ey" + "J";
            case 9 -> "AI" + "za" + run(random, B64, random.nextInt(20));
            case 10 -> "Authorization: " + pick(random, "Bearer", "Basic", "token") + " " + run(random, B64, 3);
            default -> "postgres://user:@" + run(random, UPPER, 6).toLowerCase(Locale.ROOT) + ":5432/db";
        };
    }

    static String run(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    /** Pre-generated realistic lines (formatting them is slow) that messages are assembled from. */
    static final class LinePool {
        private static final int LINES = 4096;
        private final String[] lines;
        private final FakeSecrets fakes;
        private final List<String> ruleIds = FakeSecrets.ruleIds();

        LinePool(long seed) {
            List<String> generated = new BenignLogs(seed).lines(LINES);
            lines = generated.toArray(new String[0]);
            fakes = new FakeSecrets(seed);
        }

        /** A realistic line, on one line (the stack-trace kind of BenignLogs is kept for the stacktrace corpus). */
        String plain(Random random) {
            return lines[random.nextInt(LINES)].replace('\n', ' ').replace('\t', ' ');
        }

        String json(Random random) {
            String line = plain(random);
            return "{\"@timestamp\":\"2026-11-" + (10 + random.nextInt(18)) + "T12:" + (10 + random.nextInt(50))
                    + ":00.123Z\",\"level\":\"" + pick(random, "INFO", "WARN", "DEBUG") + "\",\"thread\":\"http-nio-"
                    + random.nextInt(40) + "\",\"message\":\"" + line.replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"userId\":" + random.nextInt(1_000_000) + ",\"tags\":[\"" + pick(random, "api", "db", "llm")
                    + "\"]}";
        }

        String stackTrace(Random random) {
            StringBuilder sb = new StringBuilder(1500);
            sb.append(pick(random, "java.lang.IllegalStateException", "java.io.UncheckedIOException",
                    "org.springframework.web.client.HttpClientErrorException")).append(": ").append(plain(random));
            int frames = 8 + random.nextInt(16);
            for (int f = 0; f < frames; f++) {
                String pkg = pick(random, "com.example.orders", "org.springframework.web.servlet", "io.netty.channel",
                        "java.base/java.util.concurrent", "dev.acme.llm.client");
                String cls = pick(random, "OrderService", "DispatcherServlet", "ChannelPipeline", "ThreadPoolExecutor",
                        "ChatCompletionClient");
                sb.append("\n\tat ").append(pkg).append('.').append(cls).append('.')
                        .append(pick(random, "handle", "invoke", "run", "process", "lambda$submit$" + f)).append('(')
                        .append(cls).append(".java:").append(10 + random.nextInt(900)).append(')');
                if (f == frames / 2 && random.nextBoolean()) {
                    sb.append("\nCaused by: java.net.SocketTimeoutException: Read timed out after ")
                            .append(random.nextInt(60_000)).append(" ms");
                }
            }
            return sb.append("\n\t... ").append(random.nextInt(40)).append(" more").toString();
        }

        /** A random rule's fake secret (its text holds the context it needs), preferably within {@code budget}. */
        FakeSecrets.Sample secret(Random random, int budget) {
            for (int attempt = 0; attempt < 50; attempt++) {
                FakeSecrets.Sample sample = fakes.sample(ruleIds.get(random.nextInt(ruleIds.size())));
                if (sample.text().length() <= budget) {
                    return sample;
                }
            }
            return fakes.sample("aws-access-key-id");
        }
    }
}
