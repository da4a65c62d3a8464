package dev.scrubber.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets under names in the dumps programs print: a Spring-style configuration (a {@code Map} of maps with
 * kebab-case names) and an AWS SDK-style credentials dump, through Rewrite + ScrubbingPolicy and a real File appender
 * configured from named-value-dumps.xml. Values are random printable ASCII.
 */
class NamedValueDumpsTest {
    private final FakeSecrets fake = new FakeSecrets(2020);

    @AfterEach
    void clear() {
        ThreadContext.clearAll();
    }

    @Test
    void springStyleConfigDumpAndSdkStyleCredentialsAreMaskedWholeAndTheRestKept() throws InterruptedException {
        List<String> secrets = new ArrayList<>();
        String written;
        try (LoggingFixture fixture = LoggingFixture.start("named-value-dumps.xml")) {
            Logger log = fixture.logger("com.example.ConfigDump");
            for (int i = 0; i < 40; i++) {
                String dbPassword = fake.dumpValue(16, 32);
                String secretKey = fake.awsSecretAccessKey();
                String apiKey = fake.dumpValue(24, 40);
                String storageKey = fake.dumpValue(24, 40);
                secrets.addAll(List.of(dbPassword, secretKey, apiKey, storageKey));
                Map<String, Object> datasource = new LinkedHashMap<>();
                datasource.put("url", "jdbc:postgresql://db.internal:5432/app");
                datasource.put("username", "app");
                datasource.put("password", dbPassword);
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("spring", Map.of("datasource", datasource));
                config.put("cloud", Map.of("aws", Map.of("credentials",
                        Map.of("access-key", fake.awsAccessKeyId(), "secret-key", secretKey))));
                config.put("langchain", Map.of("openai", Map.of("api-key", apiKey, "model-name", "gpt-4o")));
                config.put("azure", Map.of("storage", Map.of("account-name", "appstore", "account-key", storageKey)));
                log.info("Effective configuration: {}", config);

                String sessionToken = fake.dumpValue(40, 60);
                secrets.add(sessionToken);
                log.info("Credentials(AccessKeyId={}, SecretAccessKey={}, SessionToken={}, Expiration=2026-12-01T12:00:00Z)",
                        fake.awsAccessKeyId(), secretKey, sessionToken);
                ThreadContext.put("apiKey", apiKey);
                log.info("Calling model");
                ThreadContext.clearAll();
            }
            Thread.sleep(150); // learned values take effect within 100 ms
            for (int i = 0; i < secrets.size(); i += 5) {
                log.info("previous value {} rotated", secrets.get(i)); // a bare copy, later
            }
            written = fixture.file("dumps.log");
        }
        for (String secret : secrets) {
            for (int k = 0; k + 6 <= secret.length(); k += 3) {
                assertThat(written).doesNotContain(secret.substring(k, k + 6));
            }
        }
        assertThat(written).contains("url=jdbc:postgresql://db.internal:5432/app, username=app, password=[REDACTED:")
                .contains("model-name=gpt-4o").contains("account-name=appstore")
                .contains("Expiration=2026-12-01T12:00:00Z)").contains("apiKey=[REDACTED:sensitive-key]");
    }
}
