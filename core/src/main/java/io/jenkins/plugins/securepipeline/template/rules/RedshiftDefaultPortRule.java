package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;

/**
 * A Redshift cluster on the default port 5439. Low: obscurity only (see {@link DefaultPortRule}).
 *
 * <p>Same condition as cdk-nag's AwsSolutions-RS4 (Redshift Serverless workgroups are not checked, as there).
 */
public final class RedshiftDefaultPortRule extends DefaultPortRule {
    public RedshiftDefaultPortRule() {
        super("ASP-RS-010", "Redshift cluster on the default port", types("AWS::Redshift::Cluster"),
                refs("AwsSolutions-RS4"));
    }

    @Override
    protected Integer defaultPort(Resource resource) {
        return 5439;
    }
}
