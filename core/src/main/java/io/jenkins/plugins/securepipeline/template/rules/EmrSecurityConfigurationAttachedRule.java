package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** EMR cluster without a security configuration. */
public final class EmrSecurityConfigurationAttachedRule extends ValueRule {
    public EmrSecurityConfigurationAttachedRule() {
        super("ASP-EMR-001", Severity.MEDIUM, "EMR cluster without a security configuration",
                "Set SecurityConfiguration to an AWS::EMR::SecurityConfiguration with encryption at rest and in transit.",
                types("AWS::EMR::Cluster"),
                refs("W63"),
                true, Acceptable.notEmpty(), "No security configuration is attached, so EMR does not encrypt data", "SecurityConfiguration");
    }
}
