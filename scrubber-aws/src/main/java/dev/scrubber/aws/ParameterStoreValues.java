package dev.scrubber.aws;

import java.util.List;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The values of {@code SecureString} parameters in SSM Parameter Store responses. */
final class ParameterStoreValues {
    private ParameterStoreValues() {
    }

    static void register(SdkResponse response) {
        if (response instanceof GetParameterResponse r) {
            parameter(r.parameter());
        } else if (response instanceof GetParametersResponse r && r.hasParameters()) {
            parameters(r.parameters());
        } else if (response instanceof GetParametersByPathResponse r && r.hasParameters()) {
            parameters(r.parameters());
        }
    }

    private static void parameters(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            parameter(p);
        }
    }

    private static void parameter(Parameter p) {
        if (p != null && p.type() == ParameterType.SECURE_STRING && p.value() != null) {
            SecretValues.registerSecretText(p.value());
        }
    }
}
