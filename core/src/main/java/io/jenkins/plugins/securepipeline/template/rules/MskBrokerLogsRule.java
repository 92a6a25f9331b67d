package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** MSK cluster does not deliver broker logs. */
public final class MskBrokerLogsRule extends TemplateRule {
    public MskBrokerLogsRule() {
        super("ASP-MSK-002", Severity.LOW, "MSK cluster does not deliver broker logs",
                "Enable one of LoggingInfo.BrokerLogs CloudWatchLogs, Firehose or S3.",
                types("AWS::MSK::Cluster"),
                refs("CKV_AWS_80", "AwsSolutions-MSK6"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode logs = resource.property("LoggingInfo", "BrokerLogs");
        if (resource.properties().reachesUnknown("LoggingInfo", "BrokerLogs") || logs != null && !logs.isMap()) {
            return;
        }
        if (logs != null) {
            for (String destination : new String[] {"CloudWatchLogs", "Firehose", "S3"}) {
                TemplateNode enabled = logs.path(destination, "Enabled");
                if (enabled != null && !enabled.isFalse()) {
                    return;
                }
            }
        }
        out.report(logs, "No broker log destination is enabled");
    }
}
