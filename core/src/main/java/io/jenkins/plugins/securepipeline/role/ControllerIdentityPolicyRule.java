package io.jenkins.plugins.securepipeline.role;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One administrator rule: jobs whose full name matches {@code jobPattern} may use the controller's own AWS identity,
 * outside any {@code assumeCrossAccountRole} block, for the named purposes.
 */
public final class ControllerIdentityPolicyRule {
    private final String name;
    private final GlobPattern jobPattern;
    private final Set<AwsPurpose> purposes;

    public ControllerIdentityPolicyRule(String name, String jobPattern, Set<AwsPurpose> purposes) {
        if (name == null || name.isBlank()) {
            throw new InvalidRoleRequestException("controllerIdentityRule.name",
                    "every controller identity rule needs a name (it is quoted in decisions)");
        }
        this.name = name.strip();
        String field = "controller identity rule '" + this.name + "'.";
        if (jobPattern == null || jobPattern.isBlank()) {
            throw new InvalidRoleRequestException(field + "jobPattern", "required (use ** for every job)");
        }
        this.jobPattern = GlobPattern.forJobPath(jobPattern.strip());
        if (purposes == null || purposes.isEmpty()) {
            throw new InvalidRoleRequestException(field + "purposes", "name at least one purpose (ECR, KMS)");
        }
        this.purposes = Set.copyOf(EnumSet.copyOf(Objects.requireNonNull(purposes)));
    }

    public String name() {
        return name;
    }

    public String jobPattern() {
        return jobPattern.toString();
    }

    public Set<AwsPurpose> purposes() {
        return purposes;
    }

    boolean allows(String jobFullName, AwsPurpose purpose) {
        return purposes.contains(purpose) && jobPattern.matches(jobFullName);
    }
}
