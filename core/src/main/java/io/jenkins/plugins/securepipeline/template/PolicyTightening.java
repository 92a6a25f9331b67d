package io.jenkins.plugins.securepipeline.template;

import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import io.jenkins.plugins.securepipeline.template.rules.TemplateRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines an administrator's scan policy with what a pipeline asks for, letting the pipeline only tighten: a
 * lower blocking threshold, a higher severity for a rule (built-in or Guard). What would loosen the policy (disabling a rule, lowering
 * a severity, a higher or no threshold) is not applied, and each such request is listed so the build log can say
 * it was ignored.
 *
 * @param policy the policy to scan with
 * @param ignored what the pipeline asked for that would have loosened the administrator's policy
 */
public record PolicyTightening(ScanPolicy policy, List<String> ignored) {

    /**
     * @param admin the administrator's policy (its threshold null means "never block")
     * @param pipeline the pipeline's policy file, or {@link ScanPolicy#DEFAULT}
     * @param pipelineThreshold the pipeline's {@code failOn}, or null when it gave none (then the admin's applies)
     * @param pipelineNever whether the pipeline asked never to block
     */
    public static PolicyTightening of(ScanPolicy admin, ScanPolicy pipeline, Severity pipelineThreshold, boolean pipelineNever) {
        List<String> ignored = new ArrayList<>();
        for (String rule : pipeline.disabledRules()) {
            if (!admin.disabledRules().contains(rule)) {
                ignored.add("disabling " + rule + " (only the administrator can disable rules)");
            }
        }
        Map<String, Severity> defaults = new HashMap<>();
        for (TemplateRule rule : RuleCatalogue.all()) {
            defaults.put(rule.info().id(), rule.info().severity());
        }
        Map<String, Severity> overrides = new LinkedHashMap<>(admin.severityOverrides());
        pipeline.severityOverrides().forEach((rule, severity) -> {
            Severity current = overrides.getOrDefault(rule, defaults.get(rule));
            if (current == null || severity.compareTo(current) > 0) {
                overrides.put(rule, severity);
            } else if (severity.compareTo(current) < 0) {
                ignored.add("lowering " + rule + " to " + severity.label() + " (it stays " + current.label() + ")");
            }
        });

        // Guard rule severities: the pipeline's entries apply only where they raise the administrator's severity.
        GuardSeverities guard = admin.guardSeverities().raisedBy(pipeline.guardSeverities());
        for (GuardSeverities.Entry entry : pipeline.guardSeverities().entries()) {
            Severity current = admin.guardSeverities().of(entry.glob(), null);
            if (current != null && entry.severity().compareTo(current) < 0) {
                ignored.add("lowering Guard rules " + entry.glob() + " to " + entry.severity().label()
                        + " (they stay " + current.label() + ")");
            }
        }

        Severity threshold = admin.threshold();
        Severity asked = pipelineThreshold != null ? pipelineThreshold : pipeline.threshold();
        if (pipelineNever) {
            if (threshold != null) {
                ignored.add("failOn 'never' (the administrator's threshold " + threshold.label() + " applies)");
            }
        } else if (asked != null) {
            if (threshold == null || asked.compareTo(threshold) < 0) {
                threshold = asked;
            } else if (asked.compareTo(threshold) > 0) {
                ignored.add("failOn '" + asked.label() + "' (the administrator's threshold " + threshold.label() + " applies)");
            }
        }
        return new PolicyTightening(new ScanPolicy(Set.copyOf(admin.disabledRules()), Map.copyOf(overrides), threshold,
                guard), List.copyOf(ignored));
    }
}
