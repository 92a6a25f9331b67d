package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Severity;

/** Transfer Family server with a public endpoint. */
public final class TransferServerPublicRule extends ValueRule {
    public TransferServerPublicRule() {
        super("ASP-TRF-001", Severity.MEDIUM, "Transfer Family server with a public endpoint",
                "Set EndpointType: VPC (with EndpointDetails) so the server is reached through your VPC.",
                types("AWS::Transfer::Server"),
                refs("CKV_AWS_164"),
                true, Acceptable.noneOf("PUBLIC"), "The server endpoint is public", "EndpointType");
    }
}
