package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/** Mutable tags let a pushed image be replaced silently under the same tag. */
public final class EcrImmutableTagsRule extends TemplateRule {
    public EcrImmutableTagsRule() {
        super("ASP-ECR-002", Severity.LOW, "ECR repository tags are mutable",
                "Set ImageTagMutability: IMMUTABLE and deploy by digest.", types("AWS::ECR::Repository"),
                refs("CKV_AWS_51"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode mutability = resource.property("ImageTagMutability");
        if (mutability == null || mutability.is("MUTABLE")) {
            out.report(mutability, "An image tag can be overwritten by a later push");
        }
    }
}
