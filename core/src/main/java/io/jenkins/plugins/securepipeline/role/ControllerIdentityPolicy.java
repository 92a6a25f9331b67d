package io.jenkins.plugins.securepipeline.role;

import java.util.List;
import java.util.Optional;

/**
 * Which jobs may use the controller's own AWS identity outside an {@code assumeCrossAccountRole} block, and for what.
 * Unlike the account policy, no rules means nothing is allowed: the controller's identity usually reaches more than any
 * one pipeline should, and a Jenkinsfile must not get it by simply leaving the role block out.
 */
public final class ControllerIdentityPolicy {
    private final List<ControllerIdentityPolicyRule> rules;

    public ControllerIdentityPolicy(List<ControllerIdentityPolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<ControllerIdentityPolicyRule> rules() {
        return rules;
    }

    public PolicyDecision decide(String jobFullName, AwsPurpose purpose) {
        if (jobFullName == null || jobFullName.isBlank()) {
            return PolicyDecision.deny("the job name is unknown, so no controller identity rule can apply");
        }
        for (ControllerIdentityPolicyRule rule : rules) {
            if (rule.allows(jobFullName, purpose)) {
                return PolicyDecision.allow(Optional.of(rule.name()), "controller identity rule '" + rule.name()
                        + "' lets job '" + jobFullName + "' use the controller's AWS identity for " + purpose.description());
            }
        }
        return PolicyDecision.deny("no controller identity rule lets job '" + jobFullName
                + "' use the controller's AWS identity for " + purpose.description()
                + (rules.isEmpty() ? " (none is configured)" : ""));
    }
}
