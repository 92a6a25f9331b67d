package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A Managed Service for Apache Flink (Kinesis Data Analytics v2) application with checkpointing switched off
 * (CheckpointConfiguration ConfigurationType CUSTOM with CheckpointingEnabled false): after a fault or restart the
 * application loses its state instead of resuming from a checkpoint. Low: a recovery setting.
 *
 * <p>Narrower than cdk-nag's AwsSolutions-KDA3, which also reports an application without a CheckpointConfiguration
 * and a CUSTOM configuration that leaves CheckpointingEnabled out: the service's default configuration (DEFAULT)
 * checkpoints every minute, so only an explicit false is reported. RuntimeEnvironment is compared ignoring case;
 * values that cannot be known before deployment pass.
 */
public final class KinesisAnalyticsCheckpointingRule extends TemplateRule {
    private static final String[] CHECKPOINT =
            {"ApplicationConfiguration", "FlinkApplicationConfiguration", "CheckpointConfiguration"};

    public KinesisAnalyticsCheckpointingRule() {
        super("ASP-KDA-001", Severity.LOW, "Flink application with checkpointing switched off",
                "Remove CheckpointingEnabled: false, or set ConfigurationType: DEFAULT in CheckpointConfiguration.",
                types("AWS::KinesisAnalyticsV2::Application"),
                refs("AwsSolutions-KDA3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode runtime = resource.property("RuntimeEnvironment");
        if (runtime == null || !runtime.startsWith("flink") || resource.properties().reachesUnknown(CHECKPOINT)) {
            return;
        }
        TemplateNode checkpoint = resource.property(CHECKPOINT);
        if (checkpoint == null) {
            return;
        }
        TemplateNode type = checkpoint.get("ConfigurationType");
        TemplateNode enabled = checkpoint.get("CheckpointingEnabled");
        if (type != null && type.is("CUSTOM") && enabled != null && enabled.isFalse()) {
            out.report(enabled, "The application keeps no checkpoints, so it loses its state after a fault or restart");
        }
    }
}
