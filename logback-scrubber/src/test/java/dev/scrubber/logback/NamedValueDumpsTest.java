package dev.scrubber.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Secrets under names in the dumps programs print: a Spring-style configuration (a {@code Map} of maps with
 * kebab-case names) and an AWS SDK-style credentials dump, through ScrubbingAppender and a real FileAppender
 * configured from config/named-value-dumps.xml. Values are random printable ASCII.
 */
class NamedValueDumpsTest {
    private final FakeSecrets fake = new FakeSecrets(1010);
    private Logback logback;
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (logback != null) {
            logback.close();
        }
    }

    @Test
    void springStyleConfigDumpAndSdkStyleCredentialsAreMaskedWholeAndTheRestKept() throws InterruptedException {
        Path file = dir.resolve("app.log");
        logback = Logback.configure("/config/named-value-dumps.xml", Map.of("LOG_FILE", file.toString()));
        Logger log = logback.logger("com.example.ConfigDump");
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String dbPassword = fake.dumpValue(16, 32);
            String secretKey = fake.awsSecretAccessKey();
            String apiKey = fake.dumpValue(24, 40);
            String clientSecret = fake.dumpValue(16, 32);
            secrets.addAll(List.of(dbPassword, secretKey, apiKey, clientSecret));
            Map<String, Object> datasource = new LinkedHashMap<>();
            datasource.put("url", "jdbc:postgresql://db.internal:5432/app");
            datasource.put("username", "app");
            datasource.put("password", dbPassword);
            Map<String, Object> aws = new LinkedHashMap<>();
            aws.put("region", "eu-west-1");
            aws.put("access-key", fake.awsAccessKeyId());
            aws.put("secret-key", secretKey);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("spring", Map.of("datasource", datasource));
            config.put("cloud", Map.of("aws", Map.of("credentials", aws)));
            config.put("openai", Map.of("api-key", apiKey, "model", "gpt-4o"));
            config.put("oauth2", Map.of("client-id", "app-client", "client-secret", clientSecret));
            log.info("Effective configuration: {}", config);

            String sessionToken = fake.dumpValue(40, 60);
            secrets.add(sessionToken);
            log.info("Assumed role: Credentials(AccessKeyId={}, SecretAccessKey={}, SessionToken={}, "
                    + "Expiration=2026-12-01T12:00:00Z) for arn:aws:iam::123456789012:role/app", fake.awsAccessKeyId(),
                    secretKey, sessionToken);
            MDC.put("db.password", dbPassword);
            log.info("Secret arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/llm-app-Xy9Zq1 loaded");
            MDC.clear();
        }
        Thread.sleep(150); // learned values take effect within 100 ms
        for (int i = 0; i < secrets.size(); i += 5) {
            log.info("retrying the replica with {} after a timeout", secrets.get(i)); // a bare copy, later
        }
        logback.close();
        String written = Logback.read(file);
        for (String secret : secrets) {
            for (int k = 0; k + 6 <= secret.length(); k += 3) {
                assertThat(written).doesNotContain(secret.substring(k, k + 6));
            }
        }
        assertThat(written).contains("url=jdbc:postgresql://db.internal:5432/app, username=app, password=[REDACTED:")
                .contains("region=eu-west-1").contains("model=gpt-4o").contains("client-id=app-client")
                .contains("Expiration=2026-12-01T12:00:00Z) for arn:aws:iam::123456789012:role/app")
                .contains("arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/llm-app-Xy9Zq1 loaded")
                .contains("db.password=[REDACTED:sensitive-key]");
    }
}
