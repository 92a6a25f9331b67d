package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * An EMR cluster without {@code LogUri}: its step, node and application logs stay on the cluster's instances and are
 * gone when it terminates, so nothing is left to investigate afterwards.
 */
public final class EmrLogUriRule extends ValueRule {
    public EmrLogUriRule() {
        super("ASP-EMR-004", Severity.LOW, "EMR cluster without log archiving to S3",
                "Set LogUri to an S3 location (s3://bucket/prefix/) for the cluster's logs.",
                types("AWS::EMR::Cluster"), refs("AwsSolutions-EMR2"),
                true, Acceptable.notEmpty(), "The cluster's logs are not archived to S3", "LogUri");
    }
}
