package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** An RDS instance whose DB parameter group (in the same template) does not force TLS. Like checkov, an instance with the default or an external parameter group is not judged. */
public final class RdsTransitEncryptionRule extends TemplateRule {
    public RdsTransitEncryptionRule() {
        super("ASP-RDS-010", Severity.MEDIUM, "RDS parameter group does not force TLS",
                "In the instance's DB parameter group set rds.force_ssl: 1 (PostgreSQL, SQL Server) or require_secure_transport: 1 (MySQL, MariaDB).",
                types("AWS::RDS::DBInstance"),
                refs("CKV2_AWS_69"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode groupRef = resource.property("DBParameterGroupName");
        Resource group = ResourceLinks.resolve(groupRef, template);
        if (group != null && group.type().equals("AWS::RDS::DBParameterGroup")) {
            TemplateNode family = group.property("Family");
            String name = family == null || !family.isScalar() ? "" : family.text().trim().toLowerCase(java.util.Locale.ROOT);
            String parameter = name.startsWith("postgres") || name.contains("sqlserver") ? "rds.force_ssl"
                    : name.startsWith("mysql") || name.startsWith("mariadb") ? "require_secure_transport" : null;
            if (parameter == null || group.properties().reachesUnknown("Parameters")) {
                return;
            }
            TemplateNode value = group.property("Parameters", parameter);
            if (value == null || value.isScalar() && !java.util.List.of("1", "on", "true")
                    .contains(value.text().trim().toLowerCase(java.util.Locale.ROOT))) {
                out.report(groupRef, "Parameter group " + group.logicalId() + " does not set " + parameter + " to 1");
            }
        }
    }
}
