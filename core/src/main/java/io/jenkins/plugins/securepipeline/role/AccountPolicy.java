package io.jenkins.plugins.securepipeline.role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admin's account policy: which roles which jobs may assume. Evaluated before any AWS call. With no rules at all
 * the product behaves like plain {@code withAWS} (everything allowed, said so in the decision); as soon as one rule
 * exists, whatever no rule allows is denied. A Jenkinsfile cannot widen this: it only supplies the request.
 */
public final class AccountPolicy {
    private final List<AccountPolicyRule> rules;

    public AccountPolicy(List<AccountPolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static AccountPolicy none() {
        return new AccountPolicy(List.of());
    }

    public List<AccountPolicyRule> rules() {
        return rules;
    }

    public PolicyDecision evaluate(String jobFullName, RoleSessionRequest request) {
        if (rules.isEmpty()) {
            return PolicyDecision.allow(Optional.empty(), "no account policy rules are configured, so every role is allowed");
        }
        if (jobFullName == null || jobFullName.isBlank()) {
            return PolicyDecision.deny("the job name is unknown, so no rule can be applied (deny by default)");
        }
        List<String> refusals = new ArrayList<>();
        for (AccountPolicyRule rule : rules) {
            if (!rule.coversJob(jobFullName)) {
                continue;
            }
            Optional<String> refusal = rule.refusal(request);
            if (refusal.isEmpty()) {
                return PolicyDecision.allow(Optional.of(rule.name()), "rule '" + rule.name() + "' allows job '" + jobFullName
                        + "' to assume " + request.roleArn() + " for " + request.duration().toSeconds() + "s");
            }
            refusals.add("rule '" + rule.name() + "': " + refusal.get());
        }
        if (refusals.isEmpty()) {
            return PolicyDecision.deny("no account policy rule covers job '" + jobFullName + "' (deny by default once rules exist)");
        }
        return PolicyDecision.deny("job '" + jobFullName + "' may not assume " + request.roleArn() + ": "
                + String.join("; ", refusals));
    }
}
