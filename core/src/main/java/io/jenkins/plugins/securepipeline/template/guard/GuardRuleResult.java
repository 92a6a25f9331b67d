package io.jenkins.plugins.securepipeline.template.guard;

import java.util.List;

/**
 * One Guard rule's verdict on one template. {@code rule} is the rule's name, or {@code default} for the clauses
 * outside any rule; {@code id()} is how reports name it, as cfn-guard does ({@code file.guard/rule}).
 */
public record GuardRuleResult(String file, String rule, GuardStatus status, List<GuardFailure> failures) {
    public GuardRuleResult {
        failures = List.copyOf(failures);
    }

    public String id() {
        return file + "/" + rule;
    }
}
