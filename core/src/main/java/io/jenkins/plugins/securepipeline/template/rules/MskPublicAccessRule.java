package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** MSK brokers have public IP addresses. */
public final class MskPublicAccessRule extends ValueRule {
    public MskPublicAccessRule() {
        super("ASP-MSK-001", Severity.HIGH, "MSK brokers have public IP addresses",
                "Remove ConnectivityInfo.PublicAccess or set its Type to DISABLED.",
                types("AWS::MSK::Cluster"),
                refs("CKV_AWS_291"),
                false, Acceptable.noneOf("SERVICE_PROVIDED_EIPS"), "The brokers are reachable from the internet", "BrokerNodeGroupInfo", "ConnectivityInfo", "PublicAccess", "Type");
    }
}
