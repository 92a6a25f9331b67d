package io.jenkins.plugins.securepipeline.template.guard;

import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.TemplateReader;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import io.jenkins.plugins.securepipeline.template.rules.References;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an organisation's Guard rules over the templates a scan read, and adds their failures to the same report as
 * the built-in rules' findings. This is the only seam between the Guard engine and the scanner: it works on a
 * finished {@link ScanResult}, reading each scanned template again (templates that could not be read already carry
 * their error). A Guard rule error (an unknown rule or variable found while evaluating) becomes that template's
 * error, so it fails the scan instead of passing it.
 */
public final class GuardScan {
    /** The scan with Guard findings added, and each Guard rule's status per template path (for the JSON report). */
    public record Outcome(ScanResult result, Map<String, List<GuardRuleResult>> statuses) {}

    private final GuardRules rules;
    private final Severity severity;
    private final TemplateReader reader;

    /** {@code severity}: what a failed Guard rule's findings get (Guard rule files carry no severity of their own). */
    public GuardScan(GuardRules rules, Severity severity, ReaderLimits limits) {
        this.rules = rules;
        this.severity = severity;
        this.reader = TemplateReader.keepingNulls(limits);
    }

    public Outcome apply(ScanResult scan) {
        List<TemplateReport> reports = new ArrayList<>();
        Map<String, List<GuardRuleResult>> statuses = new LinkedHashMap<>();
        for (TemplateReport report : scan.templates()) {
            if (report.error() != null) {
                reports.add(report);
                continue;
            }
            try {
                TemplateNode template = reader.read(Path.of(report.path()));
                List<GuardRuleResult> results = rules.evaluate(template);
                statuses.put(report.path(), results);
                List<Finding> findings = new ArrayList<>(report.findings());
                for (GuardRuleResult result : results) {
                    for (GuardFailure failure : result.failures()) {
                        findings.add(finding(result, failure, template));
                    }
                }
                findings.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::ruleId));
                reports.add(new TemplateReport(report.path(), null, findings));
            } catch (TemplateParseException e) {
                reports.add(new TemplateReport(report.path(), e.getMessage(), report.findings()));
            } catch (GuardRuleException e) {
                reports.add(new TemplateReport(report.path(), report.path() + ": Guard rule error: " + e.getMessage(),
                        report.findings()));
            }
        }
        return new Outcome(new ScanResult(reports, scan.skipped(), scan.threshold()), statuses);
    }

    private Finding finding(GuardRuleResult result, GuardFailure failure, TemplateNode template) {
        String resource = failure.resource() == null ? "-" : failure.resource();
        TemplateNode type = failure.resource() == null ? null
                : template.path("Resources", failure.resource(), "Type");
        String resourceType = type == null || type.asText() == null ? "-" : type.asText();
        String where = failure.propertyPath() == null ? "" : " at " + failure.propertyPath();
        String remediation = failure.customMessage() != null && !failure.customMessage().isBlank()
                ? failure.customMessage().replaceAll("\\s+", " ").strip()
                : "change the template so the Guard rule " + result.id() + " holds";
        return new Finding(result.id(), severity, "Guard rule " + result.id(), resource, resourceType,
                Math.max(failure.line(), 0), Math.max(failure.column(), 0),
                "Guard rule " + result.id() + " failed" + where + ": " + failure.message().replaceAll("\\s+", " ")
                        .strip(),
                remediation, References.NONE, false, null);
    }
}
