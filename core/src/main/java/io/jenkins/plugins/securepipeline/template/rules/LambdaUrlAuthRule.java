package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Lambda function URL without authentication. */
public final class LambdaUrlAuthRule extends ValueRule {
    public LambdaUrlAuthRule() {
        super("ASP-LMB-005", Severity.HIGH, "Lambda function URL without authentication",
                "Set AuthType: AWS_IAM, or put the function behind API Gateway with an authorizer.",
                types("AWS::Lambda::Url"),
                refs("CKV_AWS_258"),
                false, Acceptable.noneOf("NONE"), "Anyone who knows the URL can invoke the function", "AuthType");
    }
}
