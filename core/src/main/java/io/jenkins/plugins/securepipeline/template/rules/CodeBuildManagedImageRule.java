package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A CodeBuild project whose build image is not one CodeBuild provides ({@code aws/codebuild/...}). A custom image
 * is a dependency someone must keep patched and whose contents run with the project's role; cdk-nag's
 * AwsSolutions-CB5 (a warning there) asks for a suppression that explains it. Low: custom images are a common and
 * legitimate choice, so this is a prompt to record the reason, not a flaw.
 *
 * <p>Same condition as cdk-nag; deliberate difference: an Image that cannot be known before deployment passes
 * (cdk-nag cannot validate it).
 */
public final class CodeBuildManagedImageRule extends TemplateRule {
    public CodeBuildManagedImageRule() {
        super("ASP-CB-003", Severity.LOW, "CodeBuild project uses a custom build image",
                "Use an image provided by CodeBuild (aws/codebuild/...), or suppress with the reason for the custom"
                        + " image and who keeps it patched.",
                types("AWS::CodeBuild::Project"), refs("AwsSolutions-CB5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode image = resource.property("Environment", "Image");
        if (image != null && image.isScalar() && !image.text().trim().startsWith("aws/codebuild/")) {
            out.report(image, "The build runs in image " + image.text().trim() + ", which CodeBuild does not provide");
        }
    }
}
