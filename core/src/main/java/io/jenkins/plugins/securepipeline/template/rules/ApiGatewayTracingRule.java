package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** API Gateway stage without X-Ray tracing. */
public final class ApiGatewayTracingRule extends ValueRule {
    public ApiGatewayTracingRule() {
        super("ASP-APIG-006", Severity.LOW, "API Gateway stage without X-Ray tracing",
                "Set TracingEnabled: true.",
                types("AWS::ApiGateway::Stage", "AWS::Serverless::Api"),
                refs("CKV_AWS_73"),
                true, Acceptable.isTrue(), "X-Ray tracing is off", "TracingEnabled");
    }
}
