package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** API Gateway REST stage without access logs. */
public final class ApiGatewayStageAccessLogsRule extends PropertyRule {
    public ApiGatewayStageAccessLogsRule() {
        super("ASP-APIG-001", Severity.LOW, "API Gateway REST stage without access logs",
                "Set AccessLogSetting (REST stage) or AccessLogSetting on the SAM Api.",
                types("AWS::ApiGateway::Stage", "AWS::Serverless::Api"),
                refs("W69", "CKV_AWS_76", "AwsSolutions-APIG1"),
                Expect.PRESENT, "Calls to the API are not logged", "AccessLogSetting");
    }
}
