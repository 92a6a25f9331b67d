package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** SageMaker notebook allows IMDSv1. */
public final class SageMakerNotebookImdsV2Rule extends ValueRule {
    public SageMakerNotebookImdsV2Rule() {
        super("ASP-SGM-003", Severity.MEDIUM, "SageMaker notebook allows IMDSv1",
                "Set InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion: \"2\".",
                types("AWS::SageMaker::NotebookInstance"),
                refs("CKV_AWS_371"),
                true, Acceptable.oneOf("2"), "The notebook accepts IMDSv1, whose credentials can be stolen through request forgery", "InstanceMetadataServiceConfiguration", "MinimumInstanceMetadataServiceVersion");
    }
}
