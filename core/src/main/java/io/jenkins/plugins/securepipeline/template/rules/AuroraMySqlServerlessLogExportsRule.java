package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An Aurora MySQL Serverless v1 cluster ({@code EngineMode: serverless}) that does not export all four of its logs
 * (audit, error, general, slowquery) to CloudWatch Logs: such a cluster has no instances whose log files could be
 * read, so what is not exported is not visible at all. Low, like the other logging rules.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-RDS16, which reports each missing log separately; this rule reports
 * one finding naming the missing logs. Serverless v2 clusters are provisioned-mode clusters and are not checked,
 * as in cdk-nag. A list that holds a value unknown before deployment passes (it could be any of the four).
 */
public final class AuroraMySqlServerlessLogExportsRule extends TemplateRule {
    private static final List<String> LOGS = List.of("audit", "error", "general", "slowquery");

    public AuroraMySqlServerlessLogExportsRule() {
        super("ASP-RDS-013", Severity.LOW, "Aurora MySQL Serverless cluster without all log exports",
                "Add audit, error, general and slowquery to EnableCloudwatchLogsExports.",
                types("AWS::RDS::DBCluster"),
                refs("AwsSolutions-RDS16"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode engine = resource.property("Engine");
        TemplateNode mode = resource.property("EngineMode");
        if (engine == null || !engine.is("aurora", "aurora-mysql") || mode == null || !mode.is("serverless")
                || resource.properties().reachesUnknown("EnableCloudwatchLogsExports")) {
            return;
        }
        TemplateNode exports = resource.property("EnableCloudwatchLogsExports");
        List<String> missing = new ArrayList<>(LOGS);
        if (exports != null) {
            for (TemplateNode item : exports.asList()) {
                if (!item.isScalar()) {
                    return;
                }
                missing.remove(item.text().trim().toLowerCase(Locale.ROOT));
            }
        }
        if (!missing.isEmpty()) {
            out.report(exports, "Logs not exported to CloudWatch Logs, so not visible anywhere: "
                    + String.join(", ", missing) + (exports == null ? " (EnableCloudwatchLogsExports is not set)" : ""));
        }
    }
}
