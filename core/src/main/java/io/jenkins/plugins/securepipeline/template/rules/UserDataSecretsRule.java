package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.regex.Pattern;

/**
 * Credentials pasted (access key IDs, {@code AWS_SECRET_ACCESS_KEY=...} in any case, password/secret/token
 * assignments) into user data are readable by anyone who can describe the instance. Looks at every literal
 * piece of the user data as written (before Base64 and Sub), so partial resolution cannot hide them.
 */
public final class UserDataSecretsRule extends TemplateRule {
    private static final Pattern SECRET = Pattern.compile(
            "(AKIA[0-9A-Z]{16})|((?i)aws_secret_access_key\\s*[=:]\\s*['\"]?[A-Za-z0-9/+]{20,})"
                    + "|((?i)(password|passwd|secret|token)\\s*[=:]\\s*['\"]?[^\\s'\"$]{6,})");

    public UserDataSecretsRule() {
        super("ASP-EC2-014", Severity.HIGH, "Secret in EC2 user data",
                "Fetch secrets at boot from Secrets Manager or SSM Parameter Store using the instance role.",
                types("AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration"),
                refs("CKV_AWS_46"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode raw = resource.raw().get("Properties");
        if (raw == null) {
            return;
        }
        TemplateNode userData = resource.type().equals("AWS::EC2::LaunchTemplate")
                ? raw.path("LaunchTemplateData", "UserData") : raw.get("UserData");
        scan(userData, out, 0);
    }

    private boolean scan(TemplateNode node, RuleFindings out, int depth) {
        if (node == null || depth > 64) {
            return false;
        }
        if (node.isScalar()) {
            if (SECRET.matcher(node.text()).find()) {
                out.report(node, "The user data contains what looks like a credential");
                return true;
            }
            return false;
        }
        for (TemplateNode child : node.isMap() ? node.entries().values() : node.items()) {
            if (scan(child, out, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
