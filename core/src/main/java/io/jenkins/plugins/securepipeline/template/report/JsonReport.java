package io.jenkins.plugins.securepipeline.template.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleResult;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report whose shape the Jenkins step and CI checks rely on:
 * {@code {"templates":[{"path","error","findings":[...]}],"summary":{...}}}. Each finding says whether a baseline
 * accepted it ({@code "baselined"}); with a baseline the summary has {@code "baseline":{"file","entries","matched",
 * "noLongerFound"}}.
 */
public final class JsonReport {
    /**
     * The main report is written with the streaming generator of jackson-core, not the tree model: a one-shot CLI run
     * then does not load and initialise jackson-databind (some 300 classes) just to print it.
     */
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {}

    public static String render(ScanResult result) {
        return render(result, Map.of());
    }

    /**
     * With Guard rules: each template also lists every Guard rule's status there
     * ({@code "guard":[{"rule":"file.guard/name","status":"PASS|FAIL|SKIP"}]}), as cfn-guard reports them.
     */
    public static String render(ScanResult result, Map<String, List<GuardRuleResult>> guardStatuses) {
        StringWriter out = new StringWriter();
        try {
            write(result, guardStatuses, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the report as it goes, template by template, so a scan of thousands of templates never holds the
     * whole report text in memory. {@code out} is flushed, not closed.
     */
    public static void write(ScanResult result, Writer out) throws IOException {
        write(result, Map.of(), out);
    }

    /** As {@link #write(ScanResult, Writer)}, each template with its Guard rules' statuses (see {@link #render}). */
    public static void write(ScanResult result, Map<String, List<GuardRuleResult>> guardStatuses, Writer out)
            throws IOException {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("templates");
            for (TemplateReport template : result.templates()) {
                json.writeStartObject();
                json.writeStringField("path", template.path());
                json.writeStringField("error", template.error());
                json.writeArrayFieldStart("findings");
                for (Finding f : template.findings()) {
                    writeFinding(json, f, result.blocks(f));
                }
                json.writeEndArray();
                List<GuardRuleResult> guard = guardStatuses.get(template.path());
                if (guard != null) {
                    json.writeArrayFieldStart("guard");
                    for (GuardRuleResult rule : guard) {
                        json.writeStartObject();
                        json.writeStringField("rule", rule.id());
                        json.writeStringField("status", rule.status().name());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("templates", result.templates().size());
            json.writeNumberField("errors", result.errorCount());
            json.writeNumberField("skipped", result.skipped());
            json.writeNumberField("findings", result.findingCount());
            json.writeNumberField("suppressed", result.suppressedCount());
            json.writeNumberField("baselined", result.baselinedCount());
            json.writeNumberField("blocking", result.blockingCount());
            json.writeStringField("failOn", result.threshold() == null ? "never" : result.threshold().label());
            json.writeObjectFieldStart("bySeverity");
            for (Map.Entry<Severity, Long> count : result.countsBySeverity().entrySet()) {
                json.writeNumberField(count.getKey().name(), count.getValue());
            }
            json.writeEndObject();
            ScanResult.BaselineStatus baseline = result.baseline();
            if (baseline != null) {
                json.writeObjectFieldStart("baseline");
                json.writeStringField("file", baseline.file());
                json.writeNumberField("entries", baseline.entries());
                json.writeNumberField("matched", baseline.matched());
                json.writeNumberField("noLongerFound", baseline.noLongerFound());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** A pretty-printing generator on {@code out} that leaves it open (the caller owns the stream). */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setPrettyPrinter(new DefaultPrettyPrinter());
        return json;
    }

    private static void writeFinding(JsonGenerator json, Finding f, boolean blocking) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.ruleId());
        json.writeStringField("severity", f.severity().name());
        json.writeStringField("resource", f.resource());
        json.writeStringField("resourceType", f.resourceType());
        json.writeNumberField("line", f.line());
        json.writeNumberField("column", f.column());
        json.writeStringField("message", f.message());
        json.writeObjectFieldStart("references");
        strings(json, "cfn_nag", f.references().cfnNag());
        strings(json, "checkov", f.references().checkov());
        strings(json, "cdk_nag", f.references().cdkNag());
        json.writeEndObject();
        json.writeBooleanField("suppressed", f.suppressed());
        if (f.suppressed()) {
            json.writeStringField("suppression", f.suppression());
        }
        json.writeBooleanField("baselined", f.baselined());
        json.writeBooleanField("blocking", blocking);
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
