package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** API Gateway custom domain allows TLS 1.0. */
public final class ApiGatewayDomainTlsRule extends ValueRule {
    public ApiGatewayDomainTlsRule() {
        super("ASP-APIG-007", Severity.MEDIUM, "API Gateway custom domain allows TLS 1.0",
                "Set SecurityPolicy: TLS_1_2.",
                types("AWS::ApiGateway::DomainName"),
                refs("W62"),
                true, Acceptable.noneOf("TLS_1_0"), "The domain accepts TLS 1.0 (the default)", "SecurityPolicy");
    }
}
