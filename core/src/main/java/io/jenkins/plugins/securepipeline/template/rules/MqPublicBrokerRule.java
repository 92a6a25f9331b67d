package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Amazon MQ broker publicly accessible. */
public final class MqPublicBrokerRule extends ValueRule {
    public MqPublicBrokerRule() {
        super("ASP-MQ-002", Severity.HIGH, "Amazon MQ broker publicly accessible",
                "Set PubliclyAccessible: false and reach the broker from inside the VPC.",
                types("AWS::AmazonMQ::Broker"),
                refs("CKV_AWS_69"),
                false, Acceptable.notTrue(), "The broker is reachable from the internet", "PubliclyAccessible");
    }
}
