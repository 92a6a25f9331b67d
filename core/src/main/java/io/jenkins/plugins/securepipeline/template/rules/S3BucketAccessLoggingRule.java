package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** S3 bucket without server access logging. */
public final class S3BucketAccessLoggingRule extends PropertyRule {
    public S3BucketAccessLoggingRule() {
        super("ASP-S3-005", Severity.LOW, "S3 bucket without server access logging",
                "Set LoggingConfiguration.DestinationBucketName to a dedicated log bucket.",
                types("AWS::S3::Bucket"),
                refs("W35", "CKV_AWS_18", "AwsSolutions-S1"),
                Expect.PRESENT, "Requests to the bucket are not logged", "LoggingConfiguration");
    }

    @Override
    protected boolean concerns(Resource resource) {
        return !(resource.property("AccessControl") != null && resource.property("AccessControl").is("LogDeliveryWrite"));
    }

}
