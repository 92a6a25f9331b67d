package io.jenkins.plugins.securepipeline.template.report;

import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleResult;
import java.io.IOException;
import java.io.Writer;
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

    /**
     * Writes the report to {@code out} (flushed, not closed). JSON, SARIF and text are written as they are produced,
     * so their size is not bounded by memory; JUnit XML is built per run.
     */
    public void write(ScanResult result, String toolVersion, Writer out) throws IOException {
        write(result, toolVersion, Map.of(), out);
    }

    /** {@code guardStatuses}: each Guard rule's status per template path; only the JSON report lists them. */
    public void write(ScanResult result, String toolVersion, Map<String, List<GuardRuleResult>> guardStatuses, Writer out)
            throws IOException {
        switch (this) {
            case JSON:
                JsonReport.write(result, guardStatuses, out);
                break;
            case SARIF:
                SarifReport.write(result, toolVersion, out);
                break;
            case JUNIT:
                out.write(JunitReport.render(result));
                break;
            default:
                TextReport.write(result, out);
                break;
        }
        out.flush();
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
