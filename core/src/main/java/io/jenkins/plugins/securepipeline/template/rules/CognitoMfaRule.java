package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** A user pool where MFA is off. */
public final class CognitoMfaRule extends TemplateRule {
    public CognitoMfaRule() {
        super("ASP-COG-002", Severity.MEDIUM, "Cognito user pool without MFA",
                "Set MfaConfiguration: ON (or OPTIONAL with adaptive authentication).", types("AWS::Cognito::UserPool"),
                refs("F78", "AwsSolutions-COG2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode mfa = resource.property("MfaConfiguration");
        if (mfa == null || mfa.is("OFF")) {
            out.report(mfa, "Users can sign in with a password alone");
        }
    }
}
