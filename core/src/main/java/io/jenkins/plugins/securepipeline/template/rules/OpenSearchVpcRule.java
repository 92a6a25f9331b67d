package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
/**
 * A domain outside a VPC has a public endpoint guarded only by its access policy. Only the presence of VPCOptions
 * is checked: a block without SubnetIds is not reported here, while cdk-nag's AwsSolutions-OS1 reports it.
 */
public final class OpenSearchVpcRule extends PropertyRule {
    public OpenSearchVpcRule() {
        super("ASP-OS-004", Severity.MEDIUM, "OpenSearch domain outside a VPC",
                "Set VPCOptions with private subnets and security groups.",
                types("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"), refs("W90", "AwsSolutions-OS1"),
                Expect.PRESENT, "The domain endpoint is public", "VPCOptions");
    }
}
