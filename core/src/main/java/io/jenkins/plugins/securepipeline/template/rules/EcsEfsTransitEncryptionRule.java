package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** ECS task mounts EFS without encryption in transit. */
public final class EcsEfsTransitEncryptionRule extends TemplateRule {
    public EcsEfsTransitEncryptionRule() {
        super("ASP-ECS-002", Severity.MEDIUM, "ECS task mounts EFS without encryption in transit",
                "Set EFSVolumeConfiguration.TransitEncryption: ENABLED on every EFS volume.",
                types("AWS::ECS::TaskDefinition"),
                refs("CKV_AWS_97"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode volumes = resource.property("Volumes");
        if (volumes == null) {
            return;
        }
        for (TemplateNode volume : volumes.asList()) {
            TemplateNode efs = volume.get("EFSVolumeConfiguration");
            if (efs == null || !efs.isMap()) {
                continue;
            }
            TemplateNode transit = efs.get("TransitEncryption");
            if (transit == null || transit.isScalar() && !transit.text().trim().equalsIgnoreCase("ENABLED")) {
                out.report(transit == null ? efs : transit, "EFS traffic of this volume is not encrypted");
            }
        }
    }
}
