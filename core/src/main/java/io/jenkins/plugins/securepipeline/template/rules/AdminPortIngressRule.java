package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.List;

/** The internet reaching a given port: SSH, RDP and HTTP have their own rule IDs. */
abstract class AdminPortIngressRule extends TemplateRule {
    private final int port;
    private final String service;

    AdminPortIngressRule(String id, Severity severity, String service, int port, References references) {
        super(id, severity, "Security group opens " + service + " (port " + port + ") to the internet",
                "Allow port " + port + " only from known ranges, or use SSM Session Manager / a load balancer.",
                List.of("AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"), references);
        this.port = port;
        this.service = service;
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        for (SecurityGroupRule rule : SecurityGroupRule.of(resource)) {
            if (rule.ingress() && rule.openToWorld() && rule.includesPort(port)) {
                out.report(rule.worldCidr(), service + " (port " + port + ") is reachable from " + rule.worldCidr().text());
            }
        }
    }
}
