package io.jenkins.plugins.securepipeline.template.rules;

/**
 * An OpenSearch domain without dedicated master nodes: cluster management then runs on the data nodes, and a busy
 * or failing data node can destabilise the whole cluster. Low: an availability setting.
 *
 * <p>Same condition as cdk-nag's AwsSolutions-OS4.
 */
public final class OpenSearchDedicatedMasterRule extends OpenSearchClusterOptionRule {
    public OpenSearchDedicatedMasterRule() {
        super("ASP-OS-009", "OpenSearch domain without dedicated master nodes",
                "Set DedicatedMasterEnabled: true with DedicatedMasterType and DedicatedMasterCount 3 in the cluster"
                        + " configuration.",
                refs("AwsSolutions-OS4"), "DedicatedMasterEnabled",
                "Cluster management runs on the data nodes, so a loaded or failing data node can make the domain"
                        + " unavailable");
    }
}
