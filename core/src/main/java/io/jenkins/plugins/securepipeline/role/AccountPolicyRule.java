package io.jenkins.plugins.securepipeline.role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One admin rule: jobs whose full name matches {@code jobPattern} may assume roles in {@code accountIds} and/or
 * matching {@code roleArnPatterns}, for at most {@code maxDuration}, and only with {@code requiredExternalId} when
 * one is set. A rule with both lists set requires both to match.
 */
public final class AccountPolicyRule {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final String name;
    private final GlobPattern jobPattern;
    private final Set<String> accountIds;
    private final List<GlobPattern> roleArnPatterns;
    private final Duration maxDuration;
    private final String requiredExternalId;

    public AccountPolicyRule(String name, String jobPattern, Set<String> accountIds, List<String> roleArnPatterns,
            Duration maxDuration, String requiredExternalId) {
        if (name == null || name.isBlank()) {
            throw new InvalidRoleRequestException("rule.name", "every account policy rule needs a name (it is quoted in decisions)");
        }
        this.name = name;
        String field = "rule '" + name + "'.";
        if (jobPattern == null || jobPattern.isBlank()) {
            throw new InvalidRoleRequestException(field + "jobPattern", "required (use ** for every job)");
        }
        this.jobPattern = GlobPattern.forJobPath(jobPattern.strip());
        this.accountIds = Set.copyOf(Objects.requireNonNullElse(accountIds, Set.of()));
        for (String accountId : this.accountIds) {
            if (!ACCOUNT_ID.matcher(accountId).matches()) {
                throw new InvalidRoleRequestException(field + "accountIds", "'" + accountId + "' is not a 12-digit AWS account ID");
            }
        }
        List<GlobPattern> patterns = new ArrayList<>();
        for (String pattern : Objects.requireNonNullElse(roleArnPatterns, List.<String>of())) {
            if (pattern == null || !pattern.startsWith("arn:")) {
                throw new InvalidRoleRequestException(field + "roleArnPatterns", "'" + pattern + "' must start with arn:");
            }
            patterns.add(GlobPattern.forArn(pattern.strip()));
        }
        this.roleArnPatterns = List.copyOf(patterns);
        if (this.accountIds.isEmpty() && this.roleArnPatterns.isEmpty()) {
            // A rule that names no target would allow everything: almost certainly a mistake, so refuse it.
            throw new InvalidRoleRequestException(field + "accountIds", "name at least one account ID or role ARN pattern");
        }
        if (maxDuration != null && (maxDuration.compareTo(RoleSessionRequest.MIN_DURATION) < 0
                || maxDuration.compareTo(RoleSessionRequest.MAX_DURATION) > 0)) {
            throw new InvalidRoleRequestException(field + "maxDuration", "must be between 15m and 12h");
        }
        this.maxDuration = maxDuration;
        this.requiredExternalId = requiredExternalId == null || requiredExternalId.isEmpty() ? null : requiredExternalId;
    }

    public String name() {
        return name;
    }

    public String jobPattern() {
        return jobPattern.toString();
    }

    public Set<String> accountIds() {
        return accountIds;
    }

    public Optional<Duration> maxDuration() {
        return Optional.ofNullable(maxDuration);
    }

    public boolean requiresExternalId() {
        return requiredExternalId != null;
    }

    boolean coversJob(String jobFullName) {
        return jobPattern.matches(jobFullName);
    }

    /** Why this rule does not allow the request, or empty when it does. */
    Optional<String> refusal(RoleSessionRequest request) {
        RoleArn role = request.roleArn();
        if (!accountIds.isEmpty() && !accountIds.contains(role.accountId())) {
            return Optional.of("account " + role.accountId() + " is not in " + new java.util.TreeSet<>(accountIds));
        }
        if (!roleArnPatterns.isEmpty() && roleArnPatterns.stream().noneMatch(p -> p.matches(role.toString()))) {
            return Optional.of("role " + role + " matches none of " + roleArnPatterns);
        }
        if (maxDuration != null && request.duration().compareTo(maxDuration) > 0) {
            return Optional.of("duration " + request.duration().toSeconds() + "s is above the rule's maximum of "
                    + maxDuration.toSeconds() + "s");
        }
        if (requiredExternalId != null && !requiredExternalId.equals(request.externalId().orElse(null))) {
            // The value itself is not repeated: it is the admin's to hand out.
            return Optional.of(request.externalId().isPresent()
                    ? "the external ID differs from the one this rule requires"
                    : "this rule requires an external ID and none was given");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "rule '" + name + "' (jobs " + jobPattern + ")";
    }
}
