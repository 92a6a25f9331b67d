package io.jenkins.plugins.securepipeline.template.report;

import io.jenkins.plugins.securepipeline.template.ScanResult;
import java.util.Locale;

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
        switch (this) {
            case JSON: return JsonReport.render(result);
            case SARIF: return SarifReport.render(result, toolVersion);
            case JUNIT: return JunitReport.render(result);
            default: return TextReport.render(result);
        }
    }
}
