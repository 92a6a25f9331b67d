package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** DynamoDB global table replica without point-in-time recovery. */
public final class DynamoDbGlobalTablePitrRule extends TemplateRule {
    public DynamoDbGlobalTablePitrRule() {
        super("ASP-DDB-004", Severity.MEDIUM, "DynamoDB global table replica without point-in-time recovery",
                "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true on every replica.",
                types("AWS::DynamoDB::GlobalTable"),
                refs("CKV_AWS_165"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode replicas = resource.property("Replicas");
        if (replicas == null) {
            return;
        }
        for (TemplateNode replica : replicas.asList()) {
            if (!replica.isMap() || replica.reachesUnknown("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")) {
                continue;
            }
            TemplateNode enabled = replica.path("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled");
            if (enabled == null || enabled.isFalse()) {
                out.report(enabled == null ? replica : enabled, "A replica has no point-in-time recovery");
            }
        }
    }
}
