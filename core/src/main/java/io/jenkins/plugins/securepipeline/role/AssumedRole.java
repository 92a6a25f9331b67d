package io.jenkins.plugins.securepipeline.role;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Short-lived credentials for one role session, with what the user should know about how they were obtained
 * (tags dropped to fit the packed size limit). The secret parts are only reachable through {@link #credentials()};
 * {@link #toString()} shows the access key ID and expiry only.
 */
public final class AssumedRole {
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final Instant expiration;
    private final String assumedRoleArn;
    private final Integer packedPolicySize;
    private final List<SessionTag> droppedTags;
    private final List<String> notices;

    public AssumedRole(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
            String assumedRoleArn, Integer packedPolicySize) {
        this(accessKeyId, secretAccessKey, sessionToken, expiration, assumedRoleArn, packedPolicySize, List.of(), List.of());
    }

    private AssumedRole(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
            String assumedRoleArn, Integer packedPolicySize, List<SessionTag> droppedTags, List<String> notices) {
        this.accessKeyId = requireText(accessKeyId, "AccessKeyId");
        this.secretAccessKey = requireText(secretAccessKey, "SecretAccessKey");
        this.sessionToken = requireText(sessionToken, "SessionToken");
        this.expiration = Objects.requireNonNull(expiration, "the response carried no Expiration");
        this.assumedRoleArn = assumedRoleArn;
        this.packedPolicySize = packedPolicySize;
        this.droppedTags = List.copyOf(droppedTags);
        this.notices = List.copyOf(notices);
    }

    /** The same credentials, noting which optional tags were not sent and why (told to the user). */
    AssumedRole withDroppedTags(List<SessionTag> dropped, String why) {
        if (dropped.isEmpty()) {
            return this;
        }
        List<SessionTag> allDropped = new java.util.ArrayList<>(droppedTags);
        allDropped.addAll(dropped);
        List<String> allNotices = new java.util.ArrayList<>(notices);
        allNotices.add("optional session tags " + dropped.stream().map(SessionTag::key).toList() + " were not sent: " + why);
        return new AssumedRole(accessKeyId, secretAccessKey, sessionToken, expiration, assumedRoleArn, packedPolicySize,
                allDropped, allNotices);
    }

    /** Things the user should read in the build log, e.g. which tags were dropped and why. */
    public List<String> notices() {
        return notices;
    }

    /** The SDK credentials, with their expiry so SDK clients can tell when they go stale. */
    public AwsSessionCredentials credentials() {
        return AwsSessionCredentials.builder().accessKeyId(accessKeyId).secretAccessKey(secretAccessKey)
                .sessionToken(sessionToken).expirationTime(expiration).build();
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public Instant expiration() {
        return expiration;
    }

    /** {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}, as CloudTrail will show it; may be null. */
    public String assumedRoleArn() {
        return assumedRoleArn;
    }

    /** Percentage of the packed size limit used by tags and policies, when STS reported it. */
    public Integer packedPolicySize() {
        return packedPolicySize;
    }

    /** Optional build-context tags left out because STS answered PackedPolicyTooLarge with them. */
    public List<SessionTag> droppedTags() {
        return droppedTags;
    }

    @Override
    public String toString() {
        return "AssumedRole[" + assumedRoleArn + ", key " + accessKeyId + ", expires " + expiration + "]";
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("the AWS response carried no " + name);
        }
        return value;
    }
}
