package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;

/** An ActiveMQ broker without audit logs. RabbitMQ brokers have no audit log and are not checked. */
public final class MqAuditLogRule extends ValueRule {
    public MqAuditLogRule() {
        super("ASP-MQ-003", Severity.LOW, "Amazon MQ (ActiveMQ) broker without audit logs",
                "Set Logs.Audit: true.",
                types("AWS::AmazonMQ::Broker"),
                refs("CKV_AWS_197"),
                true, Acceptable.isTrue(), "Audit logging is off", "Logs", "Audit");
    }

    @Override
    protected boolean concerns(Resource resource) {
        return !"rabbitmq".equals(lowerText(resource.property("EngineType")));
    }
}
