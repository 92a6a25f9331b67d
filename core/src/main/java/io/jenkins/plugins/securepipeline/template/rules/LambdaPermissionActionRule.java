package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Lambda permission grants more than invoking. */
public final class LambdaPermissionActionRule extends ValueRule {
    public LambdaPermissionActionRule() {
        super("ASP-LMB-006", Severity.LOW, "Lambda permission grants more than invoking",
                "Grant lambda:InvokeFunction (or lambda:InvokeFunctionUrl) only.",
                types("AWS::Lambda::Permission"),
                refs("W24"),
                false, Acceptable.oneOf("lambda:InvokeFunction", "lambda:InvokeFunctionUrl"), "The permission grants an action other than invoking the function", "Action");
    }
}
