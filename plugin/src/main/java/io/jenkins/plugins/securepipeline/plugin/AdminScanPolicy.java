package io.jenkins.plugins.securepipeline.plugin;

import hudson.util.FormValidation;
import io.jenkins.plugins.securepipeline.template.BlockingThreshold;
import io.jenkins.plugins.securepipeline.template.ScanPolicy;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateSelectionLimits;
import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** The scan fields of the settings page, parsed strictly into the engine's {@link ScanPolicy} and limits. */
final class AdminScanPolicy {
    private AdminScanPolicy() {}

    /**
     * A blank threshold is the default (high); only {@code never} leaves the policy without one.
     *
     * @throws IllegalArgumentException naming the setting and the value at fault
     */
    static ScanPolicy parse(String threshold, String disabledRules, String severityOverrides) {
        Set<String> known = new LinkedHashSet<>();
        RuleCatalogue.all().forEach(rule -> known.add(rule.info().id()));
        Severity parsedThreshold = BlockingThreshold.parse("scanThreshold", threshold);
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

    /**
     * The template selection limits; blank or 0 means each default.
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    static TemplateSelectionLimits limits(String maxFiles, String maxFileBytes, String maxTotalBytes) {
        return new TemplateSelectionLimits(
                (int) maxFiles(maxFiles), maxFileBytes(maxFileBytes), maxTotalBytes(maxTotalBytes));
    }

    static long maxFiles(String text) {
        return TemplateSelectionLimits.parseSetting(SecurePipelineConfiguration.SCAN_MAX_FILES, text,
                TemplateSelectionLimits.DEFAULT_MAX_FILES, Integer.MAX_VALUE);
    }

    static long maxFileBytes(String text) {
        return TemplateSelectionLimits.parseSetting(SecurePipelineConfiguration.SCAN_MAX_FILE_BYTES, text,
                TemplateSelectionLimits.DEFAULT_MAX_FILE_BYTES, TemplateSelectionLimits.DEFAULT_MAX_FILE_BYTES);
    }

    static long maxTotalBytes(String text) {
        return TemplateSelectionLimits.parseSetting(SecurePipelineConfiguration.SCAN_MAX_TOTAL_BYTES, text,
                TemplateSelectionLimits.DEFAULT_MAX_TOTAL_BYTES, Long.MAX_VALUE);
    }

    /** Form check of one limit: the error, or what a blank or 0 stands for. */
    static FormValidation checkLimit(String value, ToLongFunction<String> parse) {
        long parsed;
        try {
            parsed = parse.applyAsLong(value);
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
        boolean usesDefault = value == null || value.isBlank() || Long.parseLong(value.trim()) == 0;
        return usesDefault ? FormValidation.ok("Default: " + parsed) : FormValidation.ok();
    }

    static FormValidation check(Supplier<?> parse) {
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
