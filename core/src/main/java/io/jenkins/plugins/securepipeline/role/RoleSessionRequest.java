package io.jenkins.plugins.securepipeline.role;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything sent to STS for one role session, checked against every documented STS limit when built so that a bad
 * Jenkinsfile fails with the field named instead of an opaque ValidationError from AWS (and without spending a call).
 * Instances are immutable and contain no secrets (the external ID is a confused-deputy guard, not a secret).
 */
public final class RoleSessionRequest {
    public static final Duration MIN_DURATION = Duration.ofSeconds(900);
    public static final Duration MAX_DURATION = Duration.ofSeconds(43_200);
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(3_600);
    /** STS caps sessions obtained with role-chained credentials at one hour whatever the role allows. */
    public static final Duration CHAINED_MAX_DURATION = Duration.ofSeconds(3_600);

    static final int MAX_TAGS = 50;
    static final int MAX_TRANSITIVE_KEYS = 50;
    static final int MAX_POLICY_CHARS = 2048;
    static final int MAX_MANAGED_POLICIES = 10;

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern SOURCE_IDENTITY = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern POLICY_TEXT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final Pattern POLICY_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}|aws):policy/[\\x21-\\x7E]{1,2000}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RoleArn roleArn;
    private final String roleSessionName;
    private final Duration duration;
    private final String externalId;
    private final String sourceIdentity;
    private final List<SessionTag> tags;
    private final Set<String> transitiveTagKeys;
    private final String policy;
    private final List<String> policyArns;

    private RoleSessionRequest(Builder builder) {
        this.roleArn = Objects.requireNonNull(builder.roleArn, "roleArn");
        this.roleSessionName = builder.roleSessionName;
        this.duration = builder.duration;
        this.externalId = builder.externalId;
        this.sourceIdentity = builder.sourceIdentity;
        this.tags = List.copyOf(builder.tags);
        // Insertion order kept: the request to STS (and its CloudTrail record) lists keys as the user gave them.
        this.transitiveTagKeys = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(builder.transitiveTagKeys));
        this.policy = builder.policy;
        this.policyArns = List.copyOf(builder.policyArns);
        validate();
    }

    public static Builder builder(RoleArn roleArn) {
        return new Builder(roleArn);
    }

    public RoleArn roleArn() {
        return roleArn;
    }

    public String roleSessionName() {
        return roleSessionName;
    }

    public Duration duration() {
        return duration;
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    public Optional<String> sourceIdentity() {
        return Optional.ofNullable(sourceIdentity);
    }

    public List<SessionTag> tags() {
        return tags;
    }

    public Set<String> transitiveTagKeys() {
        return transitiveTagKeys;
    }

    public Optional<String> policy() {
        return Optional.ofNullable(policy);
    }

    public List<String> policyArns() {
        return policyArns;
    }

    /** The same request without the optional (build-context) tags, for the retry after PackedPolicyTooLarge. */
    public RoleSessionRequest withoutOptionalTags() {
        Builder copy = toBuilder();
        copy.tags.removeIf(SessionTag::optional);
        Set<String> remaining = new HashSet<>();
        copy.tags.forEach(tag -> remaining.add(tag.key().toLowerCase(Locale.ROOT)));
        copy.transitiveTagKeys.removeIf(key -> !remaining.contains(key.toLowerCase(Locale.ROOT)));
        return copy.build();
    }

    public List<SessionTag> optionalTags() {
        return tags.stream().filter(SessionTag::optional).toList();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(roleArn).roleSessionName(roleSessionName).duration(duration)
                .externalId(externalId).sourceIdentity(sourceIdentity).policy(policy);
        tags.forEach(builder::tag);
        builder.transitiveTagKeys.addAll(transitiveTagKeys);
        builder.policyArns.addAll(policyArns);
        return builder;
    }

    private void validate() {
        if (roleSessionName == null || !SESSION_NAME.matcher(roleSessionName).matches()) {
            throw new InvalidRoleRequestException("roleSessionName", describe(roleSessionName)
                    + " must be 2..64 characters of letters, digits and + = , . @ _ -");
        }
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0
                || duration.getNano() != 0) {
            throw new InvalidRoleRequestException("durationSeconds",
                    "must be whole seconds between 900 (15m) and 43200 (12h), was "
                            + (duration == null ? "missing" : duration.toSeconds() + "s"));
        }
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            // Not echoed: some teams treat it as confidential even though AWS does not.
            throw new InvalidRoleRequestException("externalId",
                    "must be 2..1224 characters of letters, digits and + = , . @ : / _ - (length was " + externalId.length() + ")");
        }
        if (sourceIdentity != null) {
            if (!SOURCE_IDENTITY.matcher(sourceIdentity).matches()) {
                throw new InvalidRoleRequestException("sourceIdentity", describe(sourceIdentity)
                        + " must be 2..64 characters of letters, digits and + = , . @ _ -");
            }
            if (sourceIdentity.regionMatches(true, 0, "aws:", 0, 4)) {
                throw new InvalidRoleRequestException("sourceIdentity", "must not start with 'aws:'");
            }
        }
        validateTags();
        validatePolicies();
    }

    private void validateTags() {
        if (tags.size() > MAX_TAGS) {
            throw new InvalidRoleRequestException("tags", "at most " + MAX_TAGS + " session tags, got " + tags.size());
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            SessionTag tag = tags.get(i);
            tag.validate("tags[" + i + "]");
            // STS treats tag keys case-insensitively: Branch and branch collide.
            if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw new InvalidRoleRequestException("tags[" + i + "].key", "duplicate tag key '" + tag.key() + "' (keys are case-insensitive)");
            }
        }
        if (transitiveTagKeys.size() > MAX_TRANSITIVE_KEYS) {
            throw new InvalidRoleRequestException("transitiveTagKeys",
                    "at most " + MAX_TRANSITIVE_KEYS + " transitive tag keys, got " + transitiveTagKeys.size());
        }
        for (String key : transitiveTagKeys) {
            if (!keys.contains(key.toLowerCase(Locale.ROOT))) {
                throw new InvalidRoleRequestException("transitiveTagKeys",
                        "'" + key + "' is not one of this session's tag keys; only tags passed in the request can be transitive");
            }
        }
    }

    private void validatePolicies() {
        if (policy != null) {
            if (policy.length() > MAX_POLICY_CHARS) {
                throw new InvalidRoleRequestException("policy",
                        "inline session policy is " + policy.length() + " characters; STS allows " + MAX_POLICY_CHARS);
            }
            if (!POLICY_TEXT.matcher(policy).matches()) {
                throw new InvalidRoleRequestException("policy", "contains characters outside tab, newline and U+0020..U+00FF");
            }
            JsonNode parsed;
            try {
                parsed = JSON.readTree(policy);
            } catch (JsonProcessingException e) {
                throw new InvalidRoleRequestException("policy", "is not valid JSON (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
            }
            if (parsed == null || !parsed.isObject() || !parsed.has("Statement")) {
                throw new InvalidRoleRequestException("policy", "must be a JSON policy document with a Statement");
            }
        }
        if (policyArns.size() > MAX_MANAGED_POLICIES) {
            throw new InvalidRoleRequestException("policyArns",
                    "at most " + MAX_MANAGED_POLICIES + " managed policy ARNs, got " + policyArns.size());
        }
        for (int i = 0; i < policyArns.size(); i++) {
            String arn = policyArns.get(i);
            if (arn == null || !POLICY_ARN.matcher(arn).matches()) {
                throw new InvalidRoleRequestException("policyArns[" + i + "]", describe(arn)
                        + " is not an IAM managed policy ARN (arn:<partition>:iam::<account>|aws:policy/<name>)");
            }
            if (!arn.startsWith("arn:" + roleArn.partition() + ":")) {
                throw new InvalidRoleRequestException("policyArns[" + i + "]",
                        "is in another partition than the role (" + roleArn.partition() + ")");
            }
        }
    }

    private static String describe(String value) {
        if (value == null) {
            return "missing value";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + shown + "' (" + value.length() + " characters)";
    }

    @Override
    public String toString() {
        return "RoleSessionRequest[" + roleArn + ", session " + roleSessionName + ", " + duration.toSeconds() + "s, "
                + tags.size() + " tags" + (externalId == null ? "" : ", external ID set") + "]";
    }

    /** Collects the fields; {@link #build()} validates them all. */
    public static final class Builder {
        private final RoleArn roleArn;
        private String roleSessionName;
        private Duration duration = DEFAULT_DURATION;
        private String externalId;
        private String sourceIdentity;
        private final List<SessionTag> tags = new ArrayList<>();
        private final Set<String> transitiveTagKeys = new LinkedHashSet<>();
        private String policy;
        private final List<String> policyArns = new ArrayList<>();

        private Builder(RoleArn roleArn) {
            this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
        }

        public Builder roleSessionName(String roleSessionName) {
            this.roleSessionName = roleSessionName;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** An empty external ID is refused by STS, so it is treated as "none" rather than sent. */
        public Builder externalId(String externalId) {
            this.externalId = externalId == null || externalId.isEmpty() ? null : externalId;
            return this;
        }

        public Builder sourceIdentity(String sourceIdentity) {
            this.sourceIdentity = sourceIdentity == null || sourceIdentity.isEmpty() ? null : sourceIdentity;
            return this;
        }

        public Builder tag(SessionTag tag) {
            tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        public Builder tags(List<SessionTag> tags) {
            tags.forEach(this::tag);
            return this;
        }

        public Builder transitiveTagKey(String key) {
            transitiveTagKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        public Builder policy(String policy) {
            this.policy = policy == null || policy.isBlank() ? null : policy;
            return this;
        }

        public Builder policyArn(String arn) {
            policyArns.add(arn);
            return this;
        }

        public RoleSessionRequest build() {
            return new RoleSessionRequest(this);
        }
    }
}
