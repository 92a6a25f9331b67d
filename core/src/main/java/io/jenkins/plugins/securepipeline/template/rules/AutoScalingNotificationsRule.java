package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An Auto Scaling group whose NotificationConfigurations do not cover launches, terminations and their failures
 * (autoscaling:EC2_INSTANCE_LAUNCH, _LAUNCH_ERROR, _TERMINATE, _TERMINATE_ERROR): a group that cannot launch
 * instances, or keeps replacing them, then goes unnoticed. Low: a visibility setting.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-AS3 (the four events may be spread over several configurations);
 * event names are compared ignoring case, and a configuration or event that cannot be known before deployment
 * passes.
 */
public final class AutoScalingNotificationsRule extends TemplateRule {
    private static final List<String> EVENTS = List.of("autoscaling:ec2_instance_launch",
            "autoscaling:ec2_instance_launch_error", "autoscaling:ec2_instance_terminate",
            "autoscaling:ec2_instance_terminate_error");

    public AutoScalingNotificationsRule() {
        super("ASP-ASG-003", Severity.LOW, "Auto Scaling group without notifications for all scaling events",
                "Add NotificationConfigurations with an SNS TopicARN and the NotificationTypes"
                        + " autoscaling:EC2_INSTANCE_LAUNCH, _LAUNCH_ERROR, _TERMINATE and _TERMINATE_ERROR.",
                types("AWS::AutoScaling::AutoScalingGroup"),
                refs("AwsSolutions-AS3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown() || resource.properties().reachesUnknown("NotificationConfigurations")) {
            return;
        }
        TemplateNode configurations = resource.property("NotificationConfigurations");
        List<String> missing = new ArrayList<>(EVENTS);
        if (configurations != null) {
            for (TemplateNode configuration : configurations.asList()) {
                TemplateNode types = configuration.get("NotificationTypes");
                if (!configuration.isMap() || types != null && !types.isList() && !types.isScalar()) {
                    return;
                }
                for (TemplateNode type : types == null ? List.<TemplateNode>of() : types.asList()) {
                    if (!type.isScalar()) {
                        return;
                    }
                    missing.remove(type.text().trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!missing.isEmpty()) {
            out.report(configurations, "Failed or repeated launches and terminations go unnoticed: no notification for "
                    + String.join(", ", missing.stream().map(e -> e.substring("autoscaling:".length())
                            .toUpperCase(Locale.ROOT)).toList()));
        }
    }
}
