package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Athena workgroup lets clients override its settings. */
public final class AthenaEnforceWorkGroupConfigurationRule extends ValueRule {
    public AthenaEnforceWorkGroupConfigurationRule() {
        super("ASP-ATH-001", Severity.MEDIUM, "Athena workgroup lets clients override its settings",
                "Set WorkGroupConfiguration.EnforceWorkGroupConfiguration: true so clients cannot turn off result encryption.",
                types("AWS::Athena::WorkGroup"),
                refs("CKV_AWS_82"),
                true, Acceptable.isTrue(), "Clients can override the workgroup settings, including result encryption", "WorkGroupConfiguration", "EnforceWorkGroupConfiguration");
    }
}
