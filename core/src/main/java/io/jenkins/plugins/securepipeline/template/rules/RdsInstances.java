package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;

/** Facts about AWS::RDS::DBInstance resources that several rules need. */
final class RdsInstances {
    private RdsInstances() {}

    /**
     * A member of an Aurora (or Multi-AZ DB) cluster: storage encryption, deletion protection and backups are the
     * cluster's settings, so the instance's own are ignored by AWS. Recognised by DBClusterIdentifier, or by an
     * Aurora engine ({@code aurora}, {@code aurora-mysql}, {@code aurora-postgresql}, any case), since an Aurora
     * instance can only exist in a cluster.
     */
    static boolean clusterMember(Resource resource) {
        if (!resource.type().equals("AWS::RDS::DBInstance")) {
            return false; // the cluster itself is what the settings belong to
        }
        TemplateNode engine = resource.property("Engine");
        return resource.property("DBClusterIdentifier") != null || engine != null && engine.startsWith("aurora");
    }
}
