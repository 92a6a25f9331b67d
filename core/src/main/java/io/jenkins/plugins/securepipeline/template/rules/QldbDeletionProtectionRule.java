package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** QLDB ledger deletion protection turned off. */
public final class QldbDeletionProtectionRule extends ValueRule {
    public QldbDeletionProtectionRule() {
        super("ASP-QLDB-002", Severity.LOW, "QLDB ledger deletion protection turned off",
                "Remove DeletionProtection or set it to true.",
                types("AWS::QLDB::Ledger"),
                refs("CKV_AWS_172"),
                false, Acceptable.notFalse(), "The ledger can be deleted with all its history", "DeletionProtection");
    }
}
