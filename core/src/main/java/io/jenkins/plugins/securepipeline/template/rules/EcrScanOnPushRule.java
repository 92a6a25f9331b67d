package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** ECR repository does not scan images on push. */
public final class EcrScanOnPushRule extends PropertyRule {
    public EcrScanOnPushRule() {
        super("ASP-ECR-001", Severity.LOW, "ECR repository does not scan images on push",
                "Set ImageScanningConfiguration.ScanOnPush: true (or use registry-level enhanced scanning).",
                types("AWS::ECR::Repository"),
                refs("W79", "CKV_AWS_163"),
                Expect.TRUE, "Pushed images are not scanned for vulnerabilities", "ImageScanningConfiguration", "ScanOnPush");
    }
}
