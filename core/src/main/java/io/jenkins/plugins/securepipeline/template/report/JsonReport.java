package io.jenkins.plugins.securepipeline.template.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;

/**
 * The machine-readable report whose shape the Jenkins step and CI checks rely on:
 * {@code {"templates":[{"path","error","findings":[...]}],"summary":{...}}}.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {}

    public static String render(ScanResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode templates = root.putArray("templates");
        for (TemplateReport template : result.templates()) {
            ObjectNode t = templates.addObject();
            t.put("path", template.path());
            if (template.error() == null) {
                t.putNull("error");
            } else {
                t.put("error", template.error());
            }
            ArrayNode findings = t.putArray("findings");
            for (Finding f : template.findings()) {
                ObjectNode n = findings.addObject();
                n.put("ruleId", f.ruleId());
                n.put("severity", f.severity().name());
                n.put("resource", f.resource());
                n.put("resourceType", f.resourceType());
                n.put("line", f.line());
                n.put("column", f.column());
                n.put("message", f.message());
                ObjectNode references = n.putObject("references");
                strings(references.putArray("cfn_nag"), f.references().cfnNag());
                strings(references.putArray("checkov"), f.references().checkov());
                strings(references.putArray("cdk_nag"), f.references().cdkNag());
                n.put("suppressed", f.suppressed());
                if (f.suppressed()) {
                    n.put("suppression", f.suppression());
                }
                n.put("blocking", result.blocks(f));
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("templates", result.templates().size());
        summary.put("errors", result.errorCount());
        summary.put("skipped", result.skipped());
        summary.put("findings", result.findingCount());
        summary.put("suppressed", result.suppressedCount());
        summary.put("blocking", result.blockingCount());
        summary.put("failOn", result.threshold() == null ? "never" : result.threshold().label());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        result.countsBySeverity().forEach((Severity s, Long n) -> bySeverity.put(s.name(), n));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static String write(Object tree) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
