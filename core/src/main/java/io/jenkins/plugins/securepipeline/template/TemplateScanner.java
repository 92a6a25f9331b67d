package io.jenkins.plugins.securepipeline.template;

import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import io.jenkins.plugins.securepipeline.template.rules.RuleFindings;
import io.jenkins.plugins.securepipeline.template.rules.TemplateContext;
import io.jenkins.plugins.securepipeline.template.rules.TemplateRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans templates: reads each file, evaluates it, runs the rules, applies suppressions and the policy, and
 * follows local nested stacks. Never throws for a bad template: the problem becomes that template's error.
 */
public final class TemplateScanner {
    private final TemplateReader reader;
    private final ParameterValues parameters;
    private final ScanPolicy policy;
    private final List<TemplateRule> rules;

    public TemplateScanner(ReaderLimits limits, ParameterValues parameters, ScanPolicy policy) {
        this.reader = new TemplateReader(limits);
        this.parameters = parameters;
        this.policy = policy;
        this.rules = RuleCatalogue.all().stream().filter(r -> !policy.disabledRules().contains(r.info().id())).toList();
    }

    public TemplateScanner() {
        this(ReaderLimits.DEFAULT, ParameterValues.NONE, ScanPolicy.DEFAULT);
    }

    /**
     * Scans files and directories. {@code threshold} null never blocks; a policy threshold, if set, replaces it
     * only when the caller passes none (the command line wins over the file).
     */
    public ScanResult scan(List<Path> paths, Severity threshold) throws IOException {
        List<TemplateReport> reports = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        int skipped = 0;
        for (Path file : TemplateFiles.expand(paths)) {
            if (!scanFile(file, reports, seen, false)) {
                skipped++;
            }
        }
        return new ScanResult(reports, skipped, threshold);
    }

    /** Scans one file (and its local nested stacks); returns false when it is not a CloudFormation template. */
    private boolean scanFile(Path file, List<TemplateReport> reports, Set<Path> seen, boolean nested) {
        Path key = file.toAbsolutePath().normalize();
        if (!seen.add(key)) {
            return true;
        }
        String path = file.toString();
        TemplateNode root;
        try {
            root = reader.read(file);
        } catch (TemplateParseException e) {
            if (e.notATemplate() && !nested) {
                return false;
            }
            reports.add(TemplateReport.failed(path, e.getMessage()));
            return true;
        }
        if (!TemplateEvaluator.isTemplate(root)) {
            if (nested) {
                reports.add(TemplateReport.failed(path, path + ": nested stack template has no Resources section"));
                return true;
            }
            return false;
        }
        try {
            List<Path> children = new ArrayList<>();
            reports.add(new TemplateReport(path, null, findings(root, file, children)));
            for (Path child : children) {
                if (!Files.isRegularFile(child)) {
                    reports.add(TemplateReport.failed(child.toString(), child + ": nested stack template not found"));
                } else {
                    scanFile(child, reports, seen, true);
                }
            }
        } catch (RuntimeException e) {
            // A defect in a rule must not pass a template silently: fail closed, with the rule's message.
            reports.add(TemplateReport.failed(path, path + ": internal error while scanning (" + e + ")"));
        }
        return true;
    }

    /** Findings of one parsed template; local nested templates are added to {@code nestedTemplates}. */
    public List<Finding> findings(TemplateNode root, Path file, List<Path> nestedTemplates) {
        TemplateEvaluator evaluator = new TemplateEvaluator(root, parameters);
        List<Resource> resources = evaluator.resources();
        TemplateContext context = new TemplateContext(root, resources);
        Map<String, Finding> unique = new LinkedHashMap<>();
        for (Resource resource : resources) {
            for (TemplateRule rule : rules) {
                if (!rule.appliesTo(resource.type())) {
                    continue;
                }
                RuleFindings out = new RuleFindings(resource.line(), resource.column());
                rule.check(resource, context, out);
                for (RuleFindings.Report report : out.reports()) {
                    Finding finding = toFinding(rule, resource, report);
                    unique.putIfAbsent(finding.ruleId() + '\0' + finding.resource() + '\0' + finding.line() + '\0'
                            + finding.column() + '\0' + finding.message(), finding);
                }
            }
            if (file != null) {
                nestedTemplate(resource, file).ifPresent(p -> {
                    if (!nestedTemplates.contains(p)) {
                        nestedTemplates.add(p);
                    }
                });
            }
        }
        List<Finding> findings = new ArrayList<>(unique.values());
        findings.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::ruleId));
        return findings;
    }

    private Finding toFinding(TemplateRule rule, Resource resource, RuleFindings.Report report) {
        var info = rule.info();
        Severity severity = policy.severityOverrides().getOrDefault(info.id(), info.severity());
        Finding finding = new Finding(info.id(), severity, info.title(), resource.logicalId(), resource.type(),
                report.line(), report.column(), report.message(), info.remediation(), info.references(), false, null);
        String suppression = Suppressions.find(resource.metadata(), info);
        return suppression == null ? finding : finding.suppressedBy(suppression);
    }

    /** A nested stack whose template is a local file (as before `aws cloudformation package`). */
    private static java.util.Optional<Path> nestedTemplate(Resource resource, Path file) {
        TemplateNode location = null;
        if (resource.type().equals("AWS::CloudFormation::Stack")) {
            location = resource.property("TemplateURL");
        } else if (resource.type().equals("AWS::Serverless::Application")) {
            location = resource.property("Location");
        }
        String text = location == null ? null : location.asText();
        if (text == null || text.isBlank() || text.contains("://") || text.startsWith("{{")) {
            return java.util.Optional.empty();
        }
        Path parent = file.getParent() == null ? Path.of("") : file.getParent();
        try {
            return java.util.Optional.of(parent.resolve(text).normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }
}
