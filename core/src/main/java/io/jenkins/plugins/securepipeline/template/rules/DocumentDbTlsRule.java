package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** DocumentDB parameter group turns TLS off. */
public final class DocumentDbTlsRule extends ValueRule {
    public DocumentDbTlsRule() {
        super("ASP-DOC-004", Severity.HIGH, "DocumentDB parameter group turns TLS off",
                "Remove the tls parameter or set it to enabled.",
                types("AWS::DocDB::DBClusterParameterGroup"),
                refs("CKV_AWS_90"),
                false, Acceptable.noneOf("disabled"), "tls is disabled, so clients may connect without encryption", "Parameters", "tls");
    }
}
