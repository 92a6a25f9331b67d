package io.jenkins.plugins.securepipeline.template.report;

import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The output formats of a scan. */
public enum ReportFormat {
    TEXT, JSON, SARIF, JUNIT;

    public static ReportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + text + "' (expected text, json, sarif or junit)");
        }
    }

    public String render(ScanResult result, String toolVersion) {
        return render(result, toolVersion, Map.of());
    }

    /** {@code guardStatuses}: each Guard rule's status per template path; only the JSON report lists them. */
    public String render(ScanResult result, String toolVersion, Map<String, List<GuardRuleResult>> guardStatuses) {
        switch (this) {
            case JSON: return JsonReport.render(result, guardStatuses);
            case SARIF: return SarifReport.render(result, toolVersion);
            case JUNIT: return JunitReport.render(result);
            default: return TextReport.render(result);
        }
    }
}
