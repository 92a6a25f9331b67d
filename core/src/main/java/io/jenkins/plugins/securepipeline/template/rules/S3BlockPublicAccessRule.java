package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** All four S3 Block Public Access switches must be on for the bucket. */
public final class S3BlockPublicAccessRule extends TemplateRule {
    private static final String[] FLAGS = {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"};

    public S3BlockPublicAccessRule() {
        super("ASP-S3-004", Severity.HIGH, "S3 bucket does not block public access",
                "Set PublicAccessBlockConfiguration with all four flags true.", types("AWS::S3::Bucket"),
                refs("CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "AwsSolutions-S2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode block = resource.property("PublicAccessBlockConfiguration");
        if (block == null) {
            out.report(null, "The bucket has no PublicAccessBlockConfiguration, so a policy or ACL could make it public");
            return;
        }
        if (block.isUnknown()) {
            return;
        }
        for (String flag : FLAGS) {
            TemplateNode value = block.get(flag);
            if (value == null || value.isFalse()) {
                out.report(value == null ? block : value, "Block Public Access flag " + flag + " is not true");
            }
        }
    }
}
