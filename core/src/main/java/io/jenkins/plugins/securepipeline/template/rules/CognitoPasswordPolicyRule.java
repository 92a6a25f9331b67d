package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Cognito user pool whose password policy allows weak passwords: shorter than 8 characters, or not requiring an
 * uppercase letter, a number and a symbol (the requirements of cdk-nag's AwsSolutions-COG1, which like the AWS
 * guidance it follows does not ask for a lowercase letter).
 *
 * <p>Deliberate differences from cdk-nag: a user pool without Policies.PasswordPolicy is not reported, because
 * Cognito then applies its default policy, which already meets all four requirements (cdk-nag reports it); a
 * policy without MinimumLength is not reported for the length, for the same reason. A Require* flag left out of a
 * policy that is written is false, so it is reported, as cdk-nag does. Values that cannot be known before deployment
 * pass.
 */
public final class CognitoPasswordPolicyRule extends TemplateRule {
    private static final int MINIMUM_LENGTH = 8;

    public CognitoPasswordPolicyRule() {
        super("ASP-COG-003", Severity.MEDIUM, "Cognito user pool allows weak passwords",
                "In Policies.PasswordPolicy set MinimumLength to 8 or more and RequireUppercase, RequireNumbers and"
                        + " RequireSymbols to true.",
                types("AWS::Cognito::UserPool"), refs("AwsSolutions-COG1"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode policy = resource.property("Policies", "PasswordPolicy");
        if (policy == null || !policy.isMap()) {
            return; // absent: Cognito's default policy is strong; unknown: cannot tell
        }
        List<String> weaknesses = new ArrayList<>();
        Long length = ValueRule.number(policy.get("MinimumLength"));
        if (length != null && length < MINIMUM_LENGTH) {
            weaknesses.add("MinimumLength is " + length + " (less than " + MINIMUM_LENGTH + ")");
        }
        for (String flag : List.of("RequireUppercase", "RequireNumbers", "RequireSymbols")) {
            TemplateNode value = policy.get(flag);
            if (value == null) {
                weaknesses.add(flag + " is not set (false)");
            } else if (value.isFalse()) {
                weaknesses.add(flag + " is false");
            }
        }
        if (!weaknesses.isEmpty()) {
            out.report(policy, "The password policy allows weak passwords: " + String.join(", ", weaknesses));
        }
    }
}
