package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An EKS cluster that does not send all five control plane log types (api, audit, authenticator,
 * controllerManager, scheduler) to CloudWatch Logs; without the audit and authenticator logs in particular, who did
 * what through the Kubernetes API cannot be traced. Low, like the other logging rules.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-EKS2 for AWS::EKS::Cluster. Deliberate differences: an EnabledTypes
 * list, or an item of it, that cannot be known before deployment passes; the CDK's own cluster custom resource
 * (Custom::AWSCDK-EKS-Cluster), which cdk-nag also reads, is not looked at, as no rule here reads CDK custom
 * resources. Type names are compared exactly, as EKS does.
 */
public final class EksControlPlaneLogsRule extends TemplateRule {
    private static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager",
            "scheduler");

    public EksControlPlaneLogsRule() {
        super("ASP-EKS-004", Severity.LOW, "EKS cluster without all control plane logs",
                "List api, audit, authenticator, controllerManager and scheduler in Logging.ClusterLogging.EnabledTypes.",
                types("AWS::EKS::Cluster"), refs("AwsSolutions-EKS2"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().reachesUnknown("Logging", "ClusterLogging", "EnabledTypes")) {
            return;
        }
        TemplateNode enabled = resource.property("Logging", "ClusterLogging", "EnabledTypes");
        Set<String> missing = new LinkedHashSet<>(LOG_TYPES);
        if (enabled != null) {
            for (TemplateNode item : enabled.asList()) {
                TemplateNode type = item.get("Type");
                if (item.isUnknown() || type == null || type.isUnknown()) {
                    return; // could be any of the missing types
                }
                if (type.isScalar()) {
                    missing.remove(type.text().trim());
                }
            }
        }
        if (!missing.isEmpty()) {
            out.report(enabled, "Control plane logs not sent to CloudWatch Logs: " + String.join(", ", missing));
        }
    }
}
