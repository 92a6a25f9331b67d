package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Subnet gives instances public addresses automatically. */
public final class SubnetPublicIpRule extends PropertyRule {
    public SubnetPublicIpRule() {
        super("ASP-EC2-009", Severity.LOW, "Subnet gives instances public addresses automatically",
                "Set MapPublicIpOnLaunch: false and assign public addresses deliberately.",
                types("AWS::EC2::Subnet"),
                refs("W33"),
                Expect.NOT_TRUE, "Every instance launched here gets a public IP address", "MapPublicIpOnLaunch");
    }
}
