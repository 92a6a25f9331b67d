package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;

/**
 * A DocumentDB cluster on MongoDB's default port 27017. Low: obscurity only (see {@link DefaultPortRule}).
 *
 * <p>Same condition as cdk-nag's AwsSolutions-DOC2.
 */
public final class DocumentDbDefaultPortRule extends DefaultPortRule {
    public DocumentDbDefaultPortRule() {
        super("ASP-DOC-007", "DocumentDB cluster on the default port", types("AWS::DocDB::DBCluster"),
                refs("AwsSolutions-DOC2"));
    }

    @Override
    protected Integer defaultPort(Resource resource) {
        return 27017;
    }
}
