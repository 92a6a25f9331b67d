package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Glue Data Catalog not encrypted. */
public final class GlueDataCatalogEncryptionRule extends TemplateRule {
    public GlueDataCatalogEncryptionRule() {
        super("ASP-GLUE-003", Severity.MEDIUM, "Glue Data Catalog not encrypted",
                "Set EncryptionAtRest.CatalogEncryptionMode: SSE-KMS and ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted: true.",
                types("AWS::Glue::DataCatalogEncryptionSettings"),
                refs("CKV_AWS_94"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode settings = resource.property("DataCatalogEncryptionSettings");
        if (resource.properties().reachesUnknown("DataCatalogEncryptionSettings") || settings != null && !settings.isMap()) {
            return;
        }
        TemplateNode mode = settings == null ? null : settings.path("EncryptionAtRest", "CatalogEncryptionMode");
        if (mode == null || mode.isScalar() && !mode.text().trim().toUpperCase(java.util.Locale.ROOT).startsWith("SSE-KMS")) {
            out.report(mode, "The catalog metadata is not encrypted with KMS");
        }
        TemplateNode passwords = settings == null ? null
                : settings.path("ConnectionPasswordEncryption", "ReturnConnectionPasswordEncrypted");
        if (passwords == null || passwords.isFalse()) {
            out.report(passwords, "Connection passwords are returned unencrypted");
        }
    }
}
