package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CloudTrail log file validation disabled. */
public final class CloudTrailLogValidationRule extends PropertyRule {
    public CloudTrailLogValidationRule() {
        super("ASP-CT-002", Severity.MEDIUM, "CloudTrail log file validation disabled",
                "Set EnableLogFileValidation: true.",
                types("AWS::CloudTrail::Trail"),
                refs("CKV_AWS_36"),
                Expect.TRUE, "Tampering with delivered log files would go unnoticed", "EnableLogFileValidation");
    }
}
