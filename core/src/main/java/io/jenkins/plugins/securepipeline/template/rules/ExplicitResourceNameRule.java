package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Resource with an explicit physical name. */
public final class ExplicitResourceNameRule extends TemplateRule {
    public ExplicitResourceNameRule() {
        super("ASP-NAME-001", Severity.LOW, "Resource with an explicit physical name",
                "Leave the name out and let CloudFormation generate it, so updates that replace the resource work and stacks can be deployed twice.",
                ExplicitResourceNameRule.NAME_PROPERTIES.keySet().stream().sorted().toList(),
                refs("W28"));
    }

    /** Resource types and the property that fixes their physical name. */
    static final java.util.Map<String, String> NAME_PROPERTIES = java.util.Map.ofEntries(
            java.util.Map.entry("AWS::ApiGateway::ApiKey", "Name"),
            java.util.Map.entry("AWS::CloudWatch::Alarm", "AlarmName"),
            java.util.Map.entry("AWS::CodeDeploy::DeploymentConfig", "DeploymentConfigName"),
            java.util.Map.entry("AWS::CodeDeploy::DeploymentGroup", "DeploymentGroupName"),
            java.util.Map.entry("AWS::DynamoDB::Table", "TableName"),
            java.util.Map.entry("AWS::EC2::SecurityGroup", "GroupName"),
            java.util.Map.entry("AWS::ECR::Repository", "RepositoryName"),
            java.util.Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "Name"),
            java.util.Map.entry("AWS::Elasticsearch::Domain", "DomainName"),
            java.util.Map.entry("AWS::IAM::Group", "GroupName"),
            java.util.Map.entry("AWS::IAM::ManagedPolicy", "ManagedPolicyName"),
            java.util.Map.entry("AWS::IAM::Role", "RoleName"),
            java.util.Map.entry("AWS::Kinesis::Stream", "Name"),
            java.util.Map.entry("AWS::RDS::DBInstance", "DBInstanceIdentifier"));

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        String property = NAME_PROPERTIES.get(resource.type());
        TemplateNode name = property == null ? null : resource.property(property);
        if (name != null) {
            out.report(name, property + " fixes the physical name, so a replacing update fails");
        }
    }
}
