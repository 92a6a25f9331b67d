package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/**
 * A DocumentDB cluster whose master user name or password is not taken from Secrets Manager, so it cannot be
 * rotated there and is known to whoever fills in the template or its parameters.
 *
 * <p>Taken from Secrets Manager means: a {@code {{resolve:secretsmanager:...}}} dynamic reference, or for the
 * password {@code ManageMasterUserPassword: true}. A value built by Fn::Sub, Fn::Join or GetAtt (the usual way to
 * write a reference to a secret created in the same template) cannot be judged and passes. Clusters restored from
 * a snapshot or another cluster (SnapshotIdentifier, SourceDBClusterIdentifier) take their credentials from the
 * source and are not reported.
 *
 * <p>Deliberate differences from cdk-nag's AwsSolutions-DOC3, which accepts only literal text containing
 * {@code {{resolve:secretsmanager}} in both properties: ManageMasterUserPassword counts as Secrets Manager; values
 * that cannot be known before deployment pass instead of failing validation; and a password that ASP-RDS-003
 * already reports (plain text, a parameter Default, a parameter without NoEcho, a non-secret dynamic reference) is
 * not reported a second time here. What this rule adds for the password is a NoEcho parameter or an
 * {@code ssm-secure} reference: hidden, but not in Secrets Manager.
 */
public final class DocumentDbCredentialsSecretRule extends TemplateRule {
    public DocumentDbCredentialsSecretRule() {
        super("ASP-DOC-006", Severity.LOW, "DocumentDB master credentials not taken from Secrets Manager",
                "Take MasterUsername and MasterUserPassword from a secret with {{resolve:secretsmanager:...}},"
                        + " or set ManageMasterUserPassword: true.",
                types("AWS::DocDB::DBCluster"), refs("AwsSolutions-DOC3"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        if (resource.properties().isUnknown() || resource.property("SnapshotIdentifier") != null
                || resource.property("SourceDBClusterIdentifier") != null) {
            return;
        }
        TemplateNode username = resource.property("MasterUsername");
        if (username != null && !fromSecretsManager(username)) {
            String parameter = parameterOf(username, template);
            if (parameter != null) {
                out.report(username, "MasterUsername comes from parameter " + parameter + ", not from Secrets Manager");
            } else if (username.isScalar()) {
                out.report(username, "MasterUsername is written in the template, not taken from Secrets Manager");
            }
        }
        TemplateNode managed = resource.property("ManageMasterUserPassword");
        TemplateNode password = resource.property("MasterUserPassword");
        if (password == null || managed != null && managed.isTrue() || fromSecretsManager(password)) {
            return;
        }
        // Only the hidden-but-not-Secrets-Manager cases: everything readable is ASP-RDS-003's finding.
        String parameter = parameterOf(password, template);
        if (parameter != null && !password.fromDefault() && noEcho(template.parameter(parameter))) {
            out.report(password, "MasterUserPassword comes from NoEcho parameter " + parameter
                    + ", not from Secrets Manager, so it is not rotated there");
        } else if (parameter == null && password.isScalar() && password.startsWith("{{resolve:ssm-secure:")) {
            out.report(password, "MasterUserPassword is an ssm-secure parameter, not a Secrets Manager secret");
        }
    }

    private static boolean fromSecretsManager(TemplateNode value) {
        return value.isScalar() && value.parameter() == null && value.startsWith("{{resolve:secretsmanager:");
    }

    /** The template parameter the value comes from (a known value or a Ref without value), or null. */
    private static String parameterOf(TemplateNode value, TemplateContext template) {
        if (value.isScalar()) {
            return value.parameter();
        }
        String why = value.isUnknown() ? value.text() : "";
        return why.startsWith("Ref ") && template.parameter(why.substring(4)) != null ? why.substring(4) : null;
    }

    private static boolean noEcho(TemplateNode parameter) {
        return parameter != null && parameter.get("NoEcho") != null && parameter.get("NoEcho").isTrue();
    }
}
