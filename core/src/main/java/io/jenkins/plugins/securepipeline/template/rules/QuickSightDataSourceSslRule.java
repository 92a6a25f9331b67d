package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/**
 * A QuickSight data source with SslProperties.DisableSsl true: QuickSight then talks to the database, often over
 * the internet, without TLS, so the data and the data source credentials travel in clear text. High, like the other
 * rules for TLS turned off on a database connection (ASP-DOC-004, ASP-ELC-002).
 *
 * <p>Same condition as cdk-nag's AwsSolutions-QS1; a DisableSsl that cannot be known before deployment passes.
 */
public final class QuickSightDataSourceSslRule extends ValueRule {
    public QuickSightDataSourceSslRule() {
        super("ASP-QS-001", Severity.HIGH, "QuickSight data source connects without TLS",
                "Remove SslProperties.DisableSsl or set it to false (the data source then needs a certificate signed"
                        + " by a public certificate authority).",
                types("AWS::QuickSight::DataSource"), refs("AwsSolutions-QS1"),
                false, Acceptable.notTrue(), "The connection to the data source is not encrypted",
                "SslProperties", "DisableSsl");
    }
}
