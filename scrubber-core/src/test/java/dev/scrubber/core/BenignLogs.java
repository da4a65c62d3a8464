package dev.scrubber.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic log lines that hold no secret but plenty of look-alikes: UUIDs, trace and span ids, git SHAs, sha256
 * digests, {@code traceparent}, base64 {@code data:} URIs, class names, paths, timestamps, words containing
 * {@code sk-}, JSON, stack traces, access logs, SQL. Shared by the false-positive tests and the benchmarks.
 */
public final class BenignLogs {
    private static final String[] LEVELS = {"INFO", "DEBUG", "WARN", "ERROR", "TRACE"};
    private static final String[] LOGGERS = {"com.example.orders.OrderService", "c.e.payments.StripeWebhookHandler",
        "org.springframework.web.servlet.DispatcherServlet", "io.netty.channel.nio.NioEventLoop",
        "dev.acme.llm.ChatCompletionClient", "com.zaxxer.hikari.pool.HikariPool", "o.a.kafka.clients.NetworkClient"};
    private static final String[] WORDS = {"task-runner", "risk-score", "disk-usage", "ask-llm", "desk-booking",
        "mask-applied", "token count", "prompt tokens", "api key rotation scheduled", "password reset email sent",
        "secret manager reachable", "authorization granted", "max_tokens", "temperature", "embedding", "retrieval",
        "vector store", "batch", "completed", "retrying", "cache hit", "cache miss"};

    private final Random random;

    public BenignLogs(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} distinct lines. */
    public List<String> lines(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(line());
        }
        return out;
    }

    /** One line of a random kind. */
    public String line() {
        return switch (random.nextInt(12)) {
            case 0 -> prefix() + "Processed order " + uuid() + " for customer " + random.nextInt(100000)
                    + " in " + random.nextInt(900) + " ms";
            case 1 -> prefix() + "traceparent: 00-" + hex(32) + "-" + hex(16) + "-01 span_id=" + hex(16)
                    + " trace_id=" + hex(32);
            case 2 -> prefix() + "Deployed commit " + hex(40) + " image sha256:" + hex(64) + " to "
                    + pick("eu-west-1", "us-east-1", "ap-southeast-2");
            case 3 -> "{\"@timestamp\":\"" + timestamp() + "\",\"level\":\"" + pick(LEVELS) + "\",\"logger\":\""
                    + pick(LOGGERS) + "\",\"message\":\"" + pick(WORDS) + " " + random.nextInt(1000)
                    + "\",\"requestId\":\"" + uuid() + "\",\"x-amzn-RequestId\":\"" + uuid() + "\"}";
            case 4 -> prefix() + "Request failed\njava.lang.IllegalStateException: " + pick(WORDS) + " for "
                    + uuid() + "\n\tat " + pick(LOGGERS) + ".handle(Handler.java:" + random.nextInt(400)
                    + ")\n\tat java.base/java.lang.Thread.run(Thread.java:840)";
            case 5 -> "10.0." + random.nextInt(255) + "." + random.nextInt(255) + " - - [" + timestamp()
                    + "] \"GET /api/v1/items/" + random.nextInt(99999) + "?page=" + random.nextInt(9)
                    + "&sort=desc HTTP/1.1\" 200 " + random.nextInt(99999) + " \"-\" \"Mozilla/5.0\"";
            case 6 -> prefix() + "Loaded avatar data:image/png;base64,iVBORw0KGgo" + base64ish(60) + " ("
                    + random.nextInt(9000) + " bytes)";
            case 7 -> prefix() + "SELECT id, status FROM orders WHERE customer_id = " + random.nextInt(9999)
                    + " AND created_at > '" + timestamp() + "' LIMIT 100";
            case 8 -> prefix() + "Reading /var/lib/app/data/" + word() + "/" + uuid() + ".json, wrote /tmp/"
                    + word() + "-" + random.nextInt(999) + ".log";
            case 9 -> prefix() + "chat.completion id=chatcmpl-" + alnum(24) + " model=gpt-4o prompt_tokens="
                    + random.nextInt(4000) + " completion_tokens=" + random.nextInt(800) + " req_" + alnum(24);
            case 10 -> prefix() + pick(WORDS) + ": " + pick(WORDS) + " (" + random.nextInt(100) + "%), X-B3-TraceId="
                    + hex(16) + ", Root=1-" + hex(8) + "-" + hex(24);
            default -> prefix() + "Connecting to jdbc:postgresql://db." + word() + ".internal:5432/app as app_user"
                    + ", https://" + word() + ".example.com/v1/" + word() + "?limit=" + random.nextInt(50);
        };
    }

    private String prefix() {
        return timestamp() + " [" + pick("main", "http-nio-8080-exec-" + random.nextInt(20), "pool-2-thread-3")
                + "] " + pick(LEVELS) + " " + pick(LOGGERS) + " - ";
    }

    private String timestamp() {
        return String.format(Locale.ROOT, "2026-%02d-%02dT%02d:%02d:%02d.%03dZ", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private String alnum(int n) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private String base64ish(int n) {
        return alnum(n).replace('q', '+').replace('Q', '/');
    }

    private String word() {
        return pick("orders", "billing", "search", "embeddings", "users", "reports", "assets");
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
