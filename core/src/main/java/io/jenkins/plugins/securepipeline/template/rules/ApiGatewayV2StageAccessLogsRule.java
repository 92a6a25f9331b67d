package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** API Gateway HTTP/WebSocket stage without access logs. */
public final class ApiGatewayV2StageAccessLogsRule extends PropertyRule {
    public ApiGatewayV2StageAccessLogsRule() {
        super("ASP-APIG-003", Severity.LOW, "API Gateway HTTP/WebSocket stage without access logs",
                "Set AccessLogSettings on the stage or SAM HttpApi.",
                types("AWS::ApiGatewayV2::Stage", "AWS::Serverless::HttpApi"),
                refs("W46", "CKV_AWS_95"),
                Expect.PRESENT, "Calls to the API are not logged", "AccessLogSettings");
    }
}
