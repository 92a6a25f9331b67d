package io.jenkins.plugins.securepipeline.plugin.role;

import io.jenkins.plugins.securepipeline.role.BuildContext;
import io.jenkins.plugins.securepipeline.role.RoleArn;
import io.jenkins.plugins.securepipeline.role.RoleSessionRequest;
import io.jenkins.plugins.securepipeline.role.SessionTag;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pipeline asked for, kept (without any secret) so that the session can be assumed again: on renewal, and
 * as the first hop when a nested block chains from it. Serializable because it lives in the pipeline's state.
 */
final class RoleRequestSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    final String roleArn;
    final String sessionName;
    final long durationSeconds;
    final String externalId;
    final String sourceIdentity;
    final LinkedHashMap<String, String> requiredTags;
    final ArrayList<String> transitiveTagKeys;
    final String policy;
    final ArrayList<String> managedPolicyArns;
    /** The build's own tags (job, build, user, branch): optional, dropped first if the packed size is exceeded. */
    final LinkedHashMap<String, String> buildTags;

    RoleRequestSpec(String roleArn, String sessionName, Duration duration, String externalId, String sourceIdentity,
            Map<String, String> requiredTags, List<String> transitiveTagKeys, String policy,
            List<String> managedPolicyArns, BuildContext build) {
        for (String key : requiredTags.keySet()) {
            if (BuildContext.isBuildTagKey(key)) {
                // A trust policy that conditions on aws:RequestTag/JenkinsJob relies on the build having set it.
                throw new IllegalArgumentException("sessionTags: " + key + " is one of the tags the plugin sets from the"
                        + " build itself (JenkinsJob, JenkinsBuild, JenkinsUser, Branch), so that role trust policies can"
                        + " rely on them; a pipeline cannot set it");
            }
        }
        this.roleArn = roleArn;
        this.sessionName = sessionName != null ? sessionName : build.sessionName();
        this.durationSeconds = duration.toSeconds();
        this.externalId = externalId;
        this.sourceIdentity = sourceIdentity;
        this.requiredTags = new LinkedHashMap<>(requiredTags);
        this.transitiveTagKeys = new ArrayList<>(transitiveTagKeys);
        this.policy = policy;
        this.managedPolicyArns = new ArrayList<>(managedPolicyArns);
        this.buildTags = new LinkedHashMap<>();
        for (SessionTag tag : build.sessionTags()) {
            this.buildTags.put(tag.key(), tag.value());
        }
    }

    /** @throws io.jenkins.plugins.securepipeline.role.InvalidRoleRequestException naming the field */
    RoleSessionRequest toRequest() {
        RoleSessionRequest.Builder builder = RoleSessionRequest.builder(RoleArn.parse("roleArn", roleArn))
                .roleSessionName(sessionName)
                .duration(Duration.ofSeconds(durationSeconds))
                .externalId(externalId)
                .sourceIdentity(sourceIdentity)
                .policy(policy);
        requiredTags.forEach((key, value) -> builder.tag(SessionTag.required(key, value)));
        buildTags.forEach((key, value) -> builder.tag(SessionTag.optional(key, value)));
        transitiveTagKeys.forEach(builder::transitiveTagKey);
        managedPolicyArns.forEach(builder::policyArn);
        return builder.build();
    }

    String accountId() {
        return RoleArn.parse("roleArn", roleArn).accountId();
    }
}
