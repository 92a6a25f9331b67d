package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Versioning protects against overwrites and deletes. */
public final class S3BucketVersioningRule extends TemplateRule {
    public S3BucketVersioningRule() {
        super("ASP-S3-006", Severity.LOW, "S3 bucket without versioning",
                "Set VersioningConfiguration.Status: Enabled.", types("AWS::S3::Bucket"), refs("CKV_AWS_21"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode status = resource.property("VersioningConfiguration", "Status");
        if (status == null) {
            out.report(resource.property("VersioningConfiguration"), "Overwritten or deleted objects cannot be recovered (versioning is off)");
        } else if (status.isScalar() && !status.is("Enabled")) {
            out.report(status, "Versioning is " + status.text() + ", so overwritten or deleted objects cannot be recovered");
        }
    }
}
