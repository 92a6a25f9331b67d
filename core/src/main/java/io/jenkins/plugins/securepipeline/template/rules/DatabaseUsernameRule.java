package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/**
 * The master user name is half of the credential; written into the template (or a parameter Default) it is
 * visible to everyone who can read the template.
 */
public final class DatabaseUsernameRule extends PlaintextSecretRule {
    public DatabaseUsernameRule() {
        super("ASP-RDS-006", Severity.LOW, "Database master user name in plain text",
                types("AWS::RDS::DBInstance", "AWS::RDS::DBCluster"), refs("F24"), "MasterUsername");
    }
}
