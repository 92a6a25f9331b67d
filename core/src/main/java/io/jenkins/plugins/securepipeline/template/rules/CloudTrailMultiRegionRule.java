package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** CloudTrail trail covers one region only. */
public final class CloudTrailMultiRegionRule extends PropertyRule {
    public CloudTrailMultiRegionRule() {
        super("ASP-CT-003", Severity.LOW, "CloudTrail trail covers one region only",
                "Set IsMultiRegionTrail: true.",
                types("AWS::CloudTrail::Trail"),
                refs("CKV_AWS_67"),
                Expect.TRUE, "Activity in other regions is not recorded", "IsMultiRegionTrail");
    }
}
