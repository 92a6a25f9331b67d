package io.jenkins.plugins.securepipeline.template.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import io.jenkins.plugins.securepipeline.template.rules.RuleInfo;
import io.jenkins.plugins.securepipeline.template.rules.TemplateRule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning and the Jenkins warnings-ng plugin. Severities are real: critical and high
 * are "error", medium "warning", low "note", and {@code security-severity} carries the CVSS-like score GitHub
 * uses. Suppressed findings are kept with an in-source suppression and its justification, baselined ones with an
 * external suppression naming the baseline. Written as a stream, so
 * the report of thousands of templates is never held in memory as a whole.
 */
public final class SarifReport {
    private SarifReport() {}

    public static String level(Severity severity) {
        switch (severity) {
            case CRITICAL:
            case HIGH:
                return "error";
            case MEDIUM:
                return "warning";
            default:
                return "note";
        }
    }

    static String securitySeverity(Severity severity) {
        switch (severity) {
            case CRITICAL: return "9.5";
            case HIGH: return "8.0";
            case MEDIUM: return "5.5";
            default: return "3.0";
        }
    }

    public static String render(ScanResult result, String toolVersion) {
        StringWriter out = new StringWriter();
        try {
            write(result, toolVersion, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the report to {@code out} as it goes; {@code out} is flushed, not closed. */
    public static void write(ScanResult result, String toolVersion, Writer out) throws IOException {
        try (JsonGenerator json = JsonReport.generator(out)) {
            json.writeStartObject();
            json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "aws-secure-pipeline scan-template");
            json.writeStringField("version", toolVersion);
            Map<String, Integer> index = writeRules(json);
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (TemplateReport template : result.templates()) {
                for (Finding f : template.findings()) {
                    writeResult(json, template, f, index, result.baseline() != null);
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("invocations");
            json.writeStartObject();
            json.writeBooleanField("executionSuccessful", result.errorCount() == 0);
            ScanResult.BaselineStatus baseline = result.baseline();
            boolean shrinkable = baseline != null && baseline.noLongerFound() > 0;
            if (result.errorCount() > 0 || shrinkable) {
                json.writeArrayFieldStart("toolExecutionNotifications");
                if (shrinkable) {
                    json.writeStartObject();
                    json.writeStringField("level", "note");
                    text(json, "message", TextReport.noLongerFound(baseline) + " (" + baseline.file() + ")");
                    json.writeEndObject();
                }
                for (TemplateReport template : result.templates()) {
                    if (template.error() != null) {
                        json.writeStartObject();
                        json.writeStringField("level", "error");
                        json.writeObjectFieldStart("message");
                        json.writeStringField("text", template.error());
                        json.writeEndObject();
                        json.writeArrayFieldStart("locations");
                        json.writeStartObject();
                        json.writeObjectFieldStart("physicalLocation");
                        artifactLocation(json, template.path());
                        json.writeEndObject();
                        json.writeEndObject();
                        json.writeEndArray();
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static Map<String, Integer> writeRules(JsonGenerator json) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        json.writeArrayFieldStart("rules");
        for (TemplateRule rule : RuleCatalogue.all()) {
            RuleInfo info = rule.info();
            index.put(info.id(), index.size());
            json.writeStartObject();
            json.writeStringField("id", info.id());
            json.writeStringField("name", info.id().replace("-", ""));
            text(json, "shortDescription", info.title());
            text(json, "fullDescription", info.title() + ". Applies to " + String.join(", ", info.resourceTypes()) + ".");
            text(json, "help", info.remediation());
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(info.severity()));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeStringField("security-severity", securitySeverity(info.severity()));
            json.writeArrayFieldStart("tags");
            json.writeString("security");
            json.writeString("cloudformation");
            json.writeEndArray();
            json.writeArrayFieldStart("references");
            for (String reference : info.references().all()) {
                json.writeString(reference);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        return index;
    }

    /**
     * One result. A suppressed finding gets an {@code inSource} suppression (it is written in the template's
     * Metadata), a baselined one an {@code external} suppression, SARIF's kind for a suppression kept outside the
     * source, in a persistent store. With a baseline, {@code baselineState} says "unchanged" for a finding the
     * baseline accepts and "new" for the others (not for suppressed ones, which were never compared).
     */
    private static void writeResult(JsonGenerator json, TemplateReport template, Finding f, Map<String, Integer> index,
            boolean withBaseline) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.ruleId());
        if (index.containsKey(f.ruleId())) {
            json.writeNumberField("ruleIndex", index.get(f.ruleId()));
        }
        json.writeStringField("level", level(f.severity()));
        text(json, "message", f.resource() + " (" + f.resourceType() + "): " + f.message());
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        artifactLocation(json, template.path());
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(1, f.line()));
        json.writeNumberField("startColumn", Math.max(1, f.column()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("properties");
        json.writeStringField("severity", f.severity().name());
        json.writeStringField("security-severity", securitySeverity(f.severity()));
        json.writeEndObject();
        if (withBaseline && !f.suppressed()) {
            json.writeStringField("baselineState", f.baselined() ? "unchanged" : "new");
        }
        if (f.suppressed() || f.baselined()) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", f.suppressed() ? "inSource" : "external");
            if (!f.suppressed()) {
                json.writeStringField("status", "accepted");
            }
            json.writeStringField("justification", f.suppressed() ? f.suppression()
                    : "recorded in the baseline " + f.baseline());
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void text(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    private static void artifactLocation(JsonGenerator json, String path) throws IOException {
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(path));
        json.writeEndObject();
    }

    /**
     * A URI reference for a file path: relative paths stay relative (resolved against the checkout), absolute ones
     * become {@code file:} URIs; separators are '/', and every byte of the UTF-8 form other than unreserved
     * characters and '/' is percent-encoded (spaces, '#', '?', '%', ':', non-ASCII, control characters), so any
     * file name gives a valid reference that decodes back to it.
     */
    static String uri(String path) {
        String slashed = path.replace('\\', '/');
        String prefix = "";
        if (slashed.matches("[A-Za-z]:/.*")) {
            prefix = "file:///" + slashed.substring(0, 2); // a Windows drive: the colon is part of the path here
            slashed = slashed.substring(2);
        } else if (slashed.startsWith("/")) {
            prefix = "file://";
        }
        StringBuilder out = new StringBuilder(prefix);
        for (byte b : slashed.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
