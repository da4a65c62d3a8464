package dev.scrubber.aws;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;

/** The secret values in Secrets Manager responses. */
final class SecretsManagerValues {
    private SecretsManagerValues() {
    }

    static void register(SdkResponse response) {
        if (response instanceof GetSecretValueResponse r) {
            secret(r.secretString(), r.secretBinary());
        } else if (response instanceof BatchGetSecretValueResponse r && r.hasSecretValues()) {
            for (SecretValueEntry e : r.secretValues()) {
                if (e != null) {
                    secret(e.secretString(), e.secretBinary());
                }
            }
        }
    }

    private static void secret(String secretString, SdkBytes secretBinary) {
        if (secretString != null) {
            SecretValues.registerSecretText(secretString);
        }
        if (secretBinary != null) {
            SecretValues.registerSecretBytes(secretBinary.asByteArrayUnsafe());
        }
    }
}
