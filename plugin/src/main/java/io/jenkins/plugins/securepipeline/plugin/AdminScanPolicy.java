package io.jenkins.plugins.securepipeline.plugin;

import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.template.ScanPolicy;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The scan policy fields of the settings page, parsed strictly into the engine's {@link ScanPolicy}. */
final class AdminScanPolicy {
    private AdminScanPolicy() {}

    /** @throws IllegalArgumentException naming the setting and the value at fault */
    static ScanPolicy parse(String threshold, String disabledRules, String severityOverrides) {
        Set<String> known = new LinkedHashSet<>();
        RuleCatalogue.all().forEach(rule -> known.add(rule.info().id()));
        Severity parsedThreshold = null;
        if (threshold != null && !threshold.isBlank() && !"never".equalsIgnoreCase(threshold.trim())) {
            parsedThreshold = severity("scan threshold", threshold);
        }
        Set<String> disabled = new LinkedHashSet<>();
        if (disabledRules != null) {
            for (String id : disabledRules.trim().split("[,\\s]+")) {
                if (!id.isEmpty()) {
                    disabled.add(rule("disabled rules", id, known));
                }
            }
        }
        Map<String, Severity> overrides = new LinkedHashMap<>();
        if (severityOverrides != null) {
            for (String line : severityOverrides.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("severity overrides: expected RULE-ID=severity, got '" + line.trim() + "'");
                }
                overrides.put(rule("severity overrides", line.substring(0, eq).trim(), known),
                        severity("severity overrides", line.substring(eq + 1)));
            }
        }
        return new ScanPolicy(Set.copyOf(disabled), Map.copyOf(overrides), parsedThreshold);
    }

    static FormValidation check(Supplier<ScanPolicy> parse) {
        try {
            parse.get();
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static Severity severity(String setting, String text) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage());
        }
    }

    private static String rule(String setting, String id, Set<String> known) {
        if (!known.contains(id)) {
            throw new IllegalArgumentException(setting + ": unknown rule ID " + id + " (see the rules table in the scanTemplate guide)");
        }
        return id;
    }
}
