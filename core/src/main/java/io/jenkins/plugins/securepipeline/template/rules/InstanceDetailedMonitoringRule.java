package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * An EC2 instance without detailed monitoring (Monitoring absent or false: the default sends metrics every five
 * minutes instead of every minute), or a launch configuration with InstanceMonitoring false (its default is on).
 * Problems then show up in CloudWatch minutes later, and alarms react late. Low: a visibility setting.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-EC28; values that cannot be known before deployment pass.
 */
public final class InstanceDetailedMonitoringRule extends TemplateRule {
    public InstanceDetailedMonitoringRule() {
        super("ASP-EC2-024", Severity.LOW, "EC2 instance without detailed monitoring",
                "Set Monitoring: true on the instance (InstanceMonitoring: true, or leave it out, on a launch"
                        + " configuration).",
                types("AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration"),
                refs("AwsSolutions-EC28"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        boolean instance = resource.type().equals("AWS::EC2::Instance");
        String property = instance ? "Monitoring" : "InstanceMonitoring";
        if (resource.properties().reachesUnknown(property)) {
            return;
        }
        TemplateNode value = resource.property(property);
        if (value != null && value.isFalse() || instance && value == null) {
            out.report(value, "Metrics are sent every five minutes, so problems show up and alarms fire late"
                    + (value == null ? " (" + property + " is not set)" : ""));
        }
    }
}
