package dev.scrubber.aws;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * An AWS SDK for Java v2 interceptor that makes every secret value the application fetches a process-wide known
 * secret ({@link dev.scrubber.core.Scrubber#addGlobalKnownSecret}) before the caller gets the response, so that
 * the Logback and Log4j2 components mask it wherever it is logged, even bare:
 *
 * <ul>
 *   <li>Secrets Manager {@code GetSecretValue} and {@code BatchGetSecretValue}: the whole {@code SecretString},
 *   each string value inside a JSON {@code SecretString} (nested objects and arrays too), and
 *   {@code SecretBinary} (as text where it is UTF-8 text, else in its base64 form);</li>
 *   <li>SSM Parameter Store {@code GetParameter}, {@code GetParameters} and {@code GetParametersByPath}: the value
 *   of each {@code SecureString} parameter.</li>
 * </ul>
 *
 * <p>The SDK loads it for every client by itself, from this module's
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; add it by hand only to clients whose
 * class loader cannot see that file:
 *
 * <pre>{@code
 * SecretsManagerClient client = SecretsManagerClient.builder()
 *         .overrideConfiguration(c -> c.addExecutionInterceptor(new KnownSecretsInterceptor()))
 *         .build();
 * }</pre>
 *
 * <p>It never logs, never keeps a value anywhere else, and never fails the call: a response it cannot read is
 * passed on untouched. Other responses cost one class-name check.
 */
public final class KnownSecretsInterceptor implements ExecutionInterceptor {
    private static final String SECRETS_MANAGER = "software.amazon.awssdk.services.secretsmanager.";
    private static final String SSM = "software.amazon.awssdk.services.ssm.";

    /** Called by the SDK, which instantiates the classes named in the global interceptor file. */
    public KnownSecretsInterceptor() {
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        register(context.response());
    }

    /**
     * Registers the secret values of a response obtained some other way (for example from a client built without
     * this interceptor). Other responses are ignored. Never throws.
     */
    public static void register(SdkResponse response) {
        if (response == null) {
            return;
        }
        try {
            String type = response.getClass().getName();
            // Each service's model is touched only when its response is seen: either SDK module may be absent.
            if (type.startsWith(SECRETS_MANAGER)) {
                SecretsManagerValues.register(response);
            } else if (type.startsWith(SSM)) {
                ParameterStoreValues.register(response);
            }
        } catch (RuntimeException | LinkageError e) {
            // A malformed or unexpected response must not break the caller's SDK call.
        }
    }
}
