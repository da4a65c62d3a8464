package dev.scrubber.aws;

import static dev.scrubber.aws.AwsStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The control: the same fetch and the same XML-configured logging, run by its own surefire execution without this
 * module's classes (and so without its global interceptor file) on the class path. The password is then logged in
 * clear, which shows that {@link FetchedSecretsTest} passes because of the interceptor.
 */
class WithoutInterceptorTest {
    @BeforeAll
    static void withoutTheModule() {
        Assumptions.assumeTrue(WithoutInterceptorTest.class.getClassLoader()
                .getResource("software/amazon/awssdk/global/handlers/execution.interceptors") == null,
                "runs in the surefire execution without the module's classes");
    }

    @Test
    void aFetchedPasswordIsNotKnownWithoutTheInterceptor() throws Exception {
        String password = new FakeSecrets(1444).password();
        try (AwsStub aws = new AwsStub(); LoggingOutput out = new LoggingOutput()) {
            aws.answer("GetSecretValue", "{\"Name\":\"db\",\"SecretString\":" + json(AwsStub.object("password", password))
                    + "}");
            try (SecretsManagerClient client = aws.secretsManager()) {
                client.getSecretValue(r -> r.secretId("db"));
            }
            org.slf4j.LoggerFactory.getLogger("com.example.Billing").info("connecting with {}", password);
            org.apache.logging.log4j.LogManager.getLogger("com.example.Billing").info("connecting with {}", password);
            assertThat(out.text()).contains("logback INFO  com.example.Billing - connecting with " + password,
                    "log4j2 INFO  com.example.Billing - connecting with " + password);
        }
    }
}
