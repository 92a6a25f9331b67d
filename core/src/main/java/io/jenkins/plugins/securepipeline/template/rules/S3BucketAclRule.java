package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Canned ACLs that make a bucket readable (or writable) by anyone; two rules share the check. */
abstract class S3BucketAclRule extends TemplateRule {
    private final String acl;

    S3BucketAclRule(String id, Severity severity, String title, References references, String acl) {
        super(id, severity, title, "Remove AccessControl (private is the default) and use S3 Block Public Access.",
                types("AWS::S3::Bucket"), references);
        this.acl = acl;
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode value = resource.property("AccessControl");
        if (value != null && value.is(acl)) {
            out.report(value, "The bucket ACL " + acl + " opens the bucket to anyone on the internet");
        }
    }
}
