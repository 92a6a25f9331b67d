package io.jenkins.plugins.securepipeline.template.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import io.jenkins.plugins.securepipeline.template.rules.RuleInfo;
import io.jenkins.plugins.securepipeline.template.rules.TemplateRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning and the Jenkins warnings-ng plugin. Severities are real: critical and high
 * are "error", medium "warning", low "note", and {@code security-severity} carries the CVSS-like score GitHub
 * uses. Suppressed findings are kept with an in-source suppression and its justification.
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
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "aws-secure-pipeline scan-template");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        List<TemplateRule> catalogue = RuleCatalogue.all();
        for (TemplateRule rule : catalogue) {
            RuleInfo info = rule.info();
            index.put(info.id(), index.size());
            ObjectNode r = rules.addObject();
            r.put("id", info.id());
            r.put("name", info.id().replace("-", ""));
            r.putObject("shortDescription").put("text", info.title());
            r.putObject("fullDescription").put("text", info.title() + ". Applies to " + String.join(", ", info.resourceTypes()) + ".");
            r.putObject("help").put("text", info.remediation());
            r.putObject("defaultConfiguration").put("level", level(info.severity()));
            ObjectNode properties = r.putObject("properties");
            properties.put("security-severity", securitySeverity(info.severity()));
            properties.putArray("tags").add("security").add("cloudformation");
            ArrayNode references = properties.putArray("references");
            info.references().all().forEach(references::add);
        }
        ArrayNode results = run.putArray("results");
        ArrayNode notifications = JsonReport.mapper().createArrayNode();
        for (TemplateReport template : result.templates()) {
            if (template.error() != null) {
                ObjectNode note = notifications.addObject();
                note.put("level", "error");
                note.putObject("message").put("text", template.error());
                note.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation")
                        .put("uri", uri(template.path()));
            }
            for (Finding f : template.findings()) {
                ObjectNode r = results.addObject();
                r.put("ruleId", f.ruleId());
                if (index.containsKey(f.ruleId())) {
                    r.put("ruleIndex", index.get(f.ruleId()));
                }
                r.put("level", level(f.severity()));
                r.putObject("message").put("text", f.resource() + " (" + f.resourceType() + "): " + f.message());
                ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
                location.putObject("artifactLocation").put("uri", uri(template.path()));
                ObjectNode region = location.putObject("region");
                region.put("startLine", Math.max(1, f.line()));
                region.put("startColumn", Math.max(1, f.column()));
                r.putObject("properties").put("severity", f.severity().name())
                        .put("security-severity", securitySeverity(f.severity()));
                if (f.suppressed()) {
                    ObjectNode suppression = r.putArray("suppressions").addObject();
                    suppression.put("kind", "inSource");
                    suppression.put("justification", f.suppression());
                }
            }
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", result.errorCount() == 0);
        if (!notifications.isEmpty()) {
            invocation.set("toolExecutionNotifications", notifications);
        }
        return JsonReport.write(root);
    }

    /** Relative paths stay relative URIs (resolved against the checkout); separators are always '/'. */
    private static String uri(String path) {
        return path.replace('\\', '/').replace(" ", "%20");
    }
}
