package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A Redshift cluster whose master user is the console's default name awsuser, the first name an untargeted attack
 * tries. Compared ignoring case, since Redshift folds user names to lower case (cdk-nag's AwsSolutions-RS3
 * compares exactly); a value from a parameter Default counts, an unknown value passes.
 *
 * <p>Not part of ASP-RDS-006, which reports a user name that can be read from the template at all: that is a
 * different meaning (secrecy of the name, not a well-known name) and would report every Redshift cluster with a
 * written name, whether or not it is the default.
 */
public final class RedshiftDefaultUsernameRule extends ValueRule {
    public RedshiftDefaultUsernameRule() {
        super("ASP-RS-007", Severity.LOW, "Redshift cluster uses the default master user name",
                "Choose a MasterUsername other than awsuser.",
                types("AWS::Redshift::Cluster"),
                refs("AwsSolutions-RS3"),
                false, Acceptable.noneOf("awsuser"), "The master user is the default awsuser, which attackers try first",
                "MasterUsername");
    }
}
