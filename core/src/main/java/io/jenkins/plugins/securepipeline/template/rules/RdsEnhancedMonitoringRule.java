package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** RDS instance without enhanced monitoring. */
public final class RdsEnhancedMonitoringRule extends ValueRule {
    public RdsEnhancedMonitoringRule() {
        super("ASP-RDS-007", Severity.LOW, "RDS instance without enhanced monitoring",
                "Set MonitoringInterval (1-60 seconds) and MonitoringRoleArn.",
                types("AWS::RDS::DBInstance"),
                refs("CKV_AWS_118"),
                true, Acceptable.atLeast(1), "Enhanced monitoring is off", "MonitoringInterval");
    }
}
