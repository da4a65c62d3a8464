package dev.scrubber.aws;

import static dev.scrubber.aws.AwsStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The real SDK fetches secrets from a stub on 127.0.0.1; the interceptor, found by the SDK in this module's global
 * interceptor file, registers them, and a bare occurrence logged afterwards through XML-configured Logback and
 * Log4j2 setups is masked. (WithoutInterceptorTest runs the same fetch without this module on the class path.)
 */
class FetchedSecretsTest {
    private final FakeSecrets fake = new FakeSecrets(1434);
    private final org.slf4j.Logger logback = org.slf4j.LoggerFactory.getLogger("com.example.Billing");
    private final org.apache.logging.log4j.Logger log4j = org.apache.logging.log4j.LogManager.getLogger("com.example.Billing");
    private AwsStub aws;
    private LoggingOutput out;

    @org.junit.jupiter.api.BeforeAll
    static void withTheModule() {
        org.junit.jupiter.api.Assumptions.assumeTrue(FetchedSecretsTest.class.getClassLoader()
                .getResource("software/amazon/awssdk/global/handlers/execution.interceptors") != null);
    }

    @BeforeEach
    void start() throws Exception {
        aws = new AwsStub();
        out = new LoggingOutput();
    }

    @AfterEach
    void stop() {
        out.close();
        aws.close();
    }

    @Test
    void aJsonSecretStringFromGetSecretValueIsMaskedBareInBothFrameworks() {
        String password = fake.password();
        String apiToken = fake.password();
        String host = "orders-db.cluster-1.eu-west-1.rds.example.com";
        String secret = AwsStub.object("engine", "postgres", "host", host, "username", "orders", "password", password,
                "nested", AwsStub.object("vendor", AwsStub.object("apiToken", apiToken)));
        aws.answer("GetSecretValue", "{\"Name\":\"orders-db\",\"SecretString\":" + json(secret) + ",\"VersionId\":\"v1\"}");
        try (SecretsManagerClient client = aws.secretsManager()) {
            GetSecretValueResponse response = client.getSecretValue(r -> r.secretId("orders-db"));
            assertThat(response.secretString()).as("the caller gets the response untouched").isEqualTo(secret);
        }
        logback.info("connecting with {}", password);
        log4j.info("connecting with {}", password);
        logback.info("vendor token {}", apiToken);
        log4j.info("vendor token {} on host {}", apiToken, host);
        String text = out.text();
        assertThat(text).contains("logback INFO  com.example.Billing - connecting with [REDACTED:known-secret]",
                "log4j2 INFO  com.example.Billing - connecting with [REDACTED:known-secret]",
                "vendor token [REDACTED:known-secret]", "on host " + host);
        assertThat(text).doesNotContain(password, apiToken);
    }

    @Test
    void batchGetSecretValuePlainStringsAndBinarySecrets() {
        String plain = fake.password();
        String inBinaryText = fake.password();
        byte[] raw = new byte[24];
        new java.util.Random(7).nextBytes(raw);
        raw[0] = (byte) 0xff; // not UTF-8: registered in its base64 form
        aws.answer("BatchGetSecretValue", "{\"SecretValues\":["
                + "{\"Name\":\"a\",\"SecretString\":" + json(plain) + "},"
                + "{\"Name\":\"b\",\"SecretBinary\":" + json(base64(inBinaryText.getBytes(StandardCharsets.UTF_8))) + "},"
                + "{\"Name\":\"c\",\"SecretBinary\":" + json(base64(raw)) + "}],\"Errors\":[]}");
        try (SecretsManagerClient client = aws.secretsManager()) {
            assertThat(client.batchGetSecretValue(r -> r.secretIdList("a", "b", "c")).secretValues()).hasSize(3);
        }
        logback.info("values {} {} {}", plain, inBinaryText, base64(raw));
        assertThat(out.text()).contains("values [REDACTED:known-secret] [REDACTED:known-secret] [REDACTED:known-secret]");
    }

    @Test
    void secureStringParametersFromAllThreeSsmReads() {
        String one = fake.password();
        String two = fake.password();
        String three = fake.password();
        String plainUrl = "https://api.example.com/v2";
        aws.answer("GetParameter", parameter("/app/orders-db", "SecureString", one));
        aws.answer("GetParameters", "{\"Parameters\":[" + parameter("/app/a", "SecureString", two).replaceFirst(
                "^\\{\"Parameter\":", "").replaceFirst("}$", "") + "," + parameter("/app/url", "String", plainUrl)
                .replaceFirst("^\\{\"Parameter\":", "").replaceFirst("}$", "") + "],\"InvalidParameters\":[]}");
        aws.answer("GetParametersByPath", "{\"Parameters\":[" + parameter("/app/b", "SecureString", three)
                .replaceFirst("^\\{\"Parameter\":", "").replaceFirst("}$", "") + "]}");
        try (SsmClient ssm = aws.ssm()) {
            assertThat(ssm.getParameter(r -> r.name("/app/orders-db").withDecryption(true)).parameter().value())
                    .isEqualTo(one);
            ssm.getParameters(r -> r.names("/app/a", "/app/url").withDecryption(true));
            ssm.getParametersByPathPaginator(r -> r.path("/app").withDecryption(true)).stream().count();
        }
        log4j.info("params {} {} {} {}", one, two, three, plainUrl);
        assertThat(out.text()).contains("params [REDACTED:known-secret] [REDACTED:known-secret] [REDACTED:known-secret] "
                + plainUrl);
    }

    @Test
    void aMalformedSecretNeverBreaksTheCall() {
        String broken = "{\"note\": \"" + fake.password() + "\", oops";
        aws.answer("GetSecretValue", "{\"Name\":\"x\",\"SecretString\":" + json(broken) + "}");
        try (SecretsManagerClient client = aws.secretsManager()) {
            assertThat(client.getSecretValue(r -> r.secretId("x")).secretString()).isEqualTo(broken);
        }
        KnownSecretsInterceptor.register(null);
        KnownSecretsInterceptor.register(GetSecretValueResponse.builder()
                .secretBinary(SdkBytes.fromByteArray(new byte[0])).build());
        KnownSecretsInterceptor.register(GetSecretValueResponse.builder().secretString("{".repeat(5000)).build());
        logback.info("whole broken secret {}", broken);
        assertThat(out.text()).contains("whole broken secret [REDACTED:known-secret]");
    }

    @Test
    void theExplicitApiRegistersAResponseObtainedElsewhere() {
        String value = fake.password();
        KnownSecretsInterceptor.register(GetSecretValueResponse.builder().secretString(value).build());
        logback.info("explicit {}", value);
        assertThat(out.text()).contains("explicit [REDACTED:known-secret]");
    }

    private static String parameter(String name, String type, String value) {
        return "{\"Parameter\":{\"Name\":" + json(name) + ",\"Type\":\"" + type + "\",\"Value\":" + json(value)
                + ",\"Version\":1}}";
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
