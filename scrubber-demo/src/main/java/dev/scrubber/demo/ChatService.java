package dev.scrubber.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pretend LLM service: the four ways keys typically leak into logs, written once against a tiny logging
 * facade so that the SLF4J and Log4j2 versions do exactly the same thing.
 */
final class ChatService {
    /** The calls the service makes; implemented with SLF4J + MDC and with log4j-api + ThreadContext. */
    interface Log {
        void info(String template, Object arg);

        void warn(String template, Object arg);

        void error(String message, Throwable t);

        void withContext(String key, String value, Runnable body);
    }

    private final Map<String, String> env;
    private final Log log;

    ChatService(Map<String, String> env, Log log) {
        this.env = env;
        this.log = log;
    }

    void run() {
        log.info("Starting chat service with configuration {}", configuration());
        log.withContext("apiKey", env.get("OPENAI_API_KEY"),
                () -> log.info("Calling the provider for request {}", "req-7f3a9c"));
        try {
            callProvider();
        } catch (ProviderHttpException e) {
            log.error("Chat completion failed", e);
        }
        log.warn("Database connection is slow: {}", databaseUrl());
    }

    private Map<String, String> configuration() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("model", "gpt-4o");
        config.put("openai.apiKey", env.get("OPENAI_API_KEY"));
        config.put("anthropic.apiKey", env.get("ANTHROPIC_API_KEY"));
        config.put("aws.accessKeyId", env.get("AWS_ACCESS_KEY_ID"));
        config.put("aws_secret_access_key", env.get("AWS_SECRET_ACCESS_KEY"));
        config.put("github.token", env.get("GITHUB_TOKEN"));
        config.put("database.url", databaseUrl());
        return config;
    }

    private String databaseUrl() {
        return "postgres://orders_app:" + env.get("DB_PASSWORD") + "@db.internal.example:5432/orders";
    }

    /** Fails the way a real client does when the key was revoked. */
    private void callProvider() {
        String headers = "Authorization: Bearer " + env.get("OPENAI_API_KEY") + ", Content-Type: application/json";
        throw new ProviderHttpException("401 Unauthorized from POST https://api.openai.example/v1/chat/completions"
                + " (request headers: " + headers + ")");
    }
}
