package io.jenkins.plugins.securepipeline.template;

import io.jenkins.plugins.securepipeline.template.rules.RuleCatalogue;
import io.jenkins.plugins.securepipeline.template.rules.RuleFindings;
import io.jenkins.plugins.securepipeline.template.rules.TemplateContext;
import io.jenkins.plugins.securepipeline.template.rules.TemplateRule;
import io.jenkins.plugins.securepipeline.template.rules.TransformRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
     * Scans files and directories; a path that yields no template is an error ("nothing scanned").
     * {@code threshold} null never blocks. Choosing between a command-line threshold and the policy file's is the
     * caller's job (the CLI prefers the command line).
     */
    public ScanResult scan(List<Path> paths, Severity threshold) throws IOException {
        return scan(paths, threshold, false);
    }

    /**
     * Scans files and directories. Each given path must yield at least one template: a directory without any, or a
     * file that is not one, is reported as an unreadable input ("nothing scanned"), because a scan that looked at
     * nothing must not pass, unless {@code allowEmpty} (the user said an empty scan is expected).
     */
    public ScanResult scan(List<Path> paths, Severity threshold, boolean allowEmpty) throws IOException {
        List<Path> roots = scanRoots(paths);
        List<Path> files = new ArrayList<>();
        List<Integer> givenPathOf = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            for (Path file : TemplateFiles.expand(List.of(paths.get(i)))) {
                files.add(file);
                givenPathOf.add(i);
            }
        }
        List<FileOutcome> outcomes = scanAll(files, roots);
        int[] templatesPerPath = new int[paths.size()];
        List<TemplateReport> reports = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        int skipped = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            FileOutcome outcome = outcomes.get(i);
            if (outcome.template()) {
                templatesPerPath[givenPathOf.get(i)]++;
            } else {
                skipped++;
            }
            for (TemplateReport report : outcome.reports()) {
                // A template both listed and reached as a nested stack is reported once, where it came first.
                if (seen.add(Path.of(report.path()).toAbsolutePath().normalize())) {
                    reports.add(report);
                }
            }
        }
        for (int i = 0; i < paths.size() && !allowEmpty; i++) {
            if (templatesPerPath[i] == 0) {
                Path path = paths.get(i);
                reports.add(TemplateReport.failed(path.toString(), path + ": nothing scanned: "
                        + (Files.isDirectory(path) ? "no CloudFormation or SAM template in this directory"
                                : "not a CloudFormation or SAM template")
                        + "; allow an empty scan explicitly if that is expected"));
            }
        }
        return new ScanResult(reports, skipped, threshold);
    }

    /**
     * The directories a nested stack may be read from: each listed directory, and the directory of each listed
     * file, as real paths. A nested stack's location comes from the template itself, so without this bound a
     * template could make the scanner read (and report on) any file the process can read.
     */
    private static List<Path> scanRoots(List<Path> paths) throws IOException {
        List<Path> roots = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                continue; // TemplateFiles.expand names the missing path
            }
            Path real = path.toRealPath();
            Path root = Files.isDirectory(real) ? real : real.getParent();
            if (root != null) {
                roots.add(root);
            }
        }
        return roots;
    }

    private static boolean insideRoots(Path file, List<Path> roots) {
        try {
            Path real = file.toRealPath();
            return roots.stream().anyMatch(real::startsWith);
        } catch (IOException e) {
            return false;
        }
    }

    /** What one listed file produced: its report and its nested stacks' reports, or nothing if not a template. */
    private record FileOutcome(List<TemplateReport> reports, boolean template) {}

    /**
     * Files are independent, so they are scanned on a few threads (at most 4, never more than the processors);
     * results keep the order of the file list so reports are stable.
     */
    private List<FileOutcome> scanAll(List<Path> files, List<Path> roots) throws IOException {
        int threads = Math.min(files.size(), Math.min(4, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            List<FileOutcome> outcomes = new ArrayList<>();
            for (Path file : files) {
                outcomes.add(scanListed(file, roots));
            }
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "scan-template");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> scanListed(file, roots)));
            }
            List<FileOutcome> outcomes = new ArrayList<>();
            for (Future<FileOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("template scan interrupted", e);
        } catch (ExecutionException e) {
            // scanFile turns every exception into a template error, so only an Error can get here.
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private FileOutcome scanListed(Path file, List<Path> roots) {
        List<TemplateReport> reports = new ArrayList<>();
        boolean template = scanFile(file, roots, reports, new HashSet<>(), false);
        return new FileOutcome(reports, template);
    }

    /** Scans one file (and its local nested stacks); returns false when it is not a CloudFormation template. */
    private boolean scanFile(Path file, List<Path> roots, List<TemplateReport> reports, Set<Path> seen, boolean nested) {
        Path key = file.toAbsolutePath().normalize();
        if (!seen.add(key)) {
            return true;
        }
        String path = file.toString();
        TemplateNode root;
        try {
            root = reader.readTemplate(file);
        } catch (TemplateParseException e) {
            if (e.notATemplate() && !nested) {
                return false;
            }
            reports.add(TemplateReport.failed(path, e.getMessage()));
            return true;
        }
        String shape = shapeProblem(root);
        if (shape != null) {
            reports.add(TemplateReport.failed(path, path + ": " + shape));
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
                } else if (!insideRoots(child, roots)) {
                    reports.add(TemplateReport.failed(child.toString(), child + ": nested stack template is outside"
                            + " the scanned paths; add its directory to the scan to check it"));
                } else {
                    scanFile(child, roots, reports, seen, true);
                }
            }
        } catch (RuntimeException e) {
            // A defect in a rule must not pass a template silently: fail closed, with the rule's message.
            reports.add(TemplateReport.failed(path, path + ": internal error while scanning (" + e + ")"));
        }
        return true;
    }

    /**
     * A document with a Resources section that CloudFormation could not read as resources: unreadable, never
     * "not a template" (skipping it would pass what was not looked at). Null when the shape is right.
     */
    private static String shapeProblem(TemplateNode root) {
        TemplateNode resources = root.isMap() ? root.get("Resources") : null;
        if (resources == null) {
            return null;
        }
        if (!resources.isMap()) {
            return "line " + resources.line() + ": Resources is " + (resources.isList() ? "a list" : "not a map")
                    + "; it must map logical IDs to resources";
        }
        for (Map.Entry<String, TemplateNode> entry : resources.entries().entrySet()) {
            if (!entry.getValue().isMap() && !entry.getKey().startsWith("Fn::ForEach::")) {
                return "line " + entry.getValue().line() + ": resource " + entry.getKey() + " is not a map";
            }
        }
        return null;
    }

    /** Findings of one parsed template; local nested templates are added to {@code nestedTemplates}. */
    public List<Finding> findings(TemplateNode root, Path file, List<Path> nestedTemplates) {
        TemplateEvaluator evaluator = new TemplateEvaluator(root, parameters);
        List<Resource> resources = evaluator.resources();
        TemplateContext context = new TemplateContext(root, resources);
        Map<String, Resource> groups = new HashMap<>();
        for (Resource resource : resources) {
            if (resource.type().equals("AWS::EC2::SecurityGroup")) {
                groups.putIfAbsent(resource.logicalId(), resource);
            }
        }
        // The same report comes twice only from one resource evaluated for several condition combinations (they
        // follow each other) or from a standalone security group rule copied to its group, so duplicates are looked
        // for among the current resource's findings and those copies, not in one map of every finding.
        Findings found = new Findings();
        Map<String, String> messages = new HashMap<>();
        templateFindings(root, found);
        String current = null;
        for (Resource resource : resources) {
            if (!resource.logicalId().equals(current)) {
                current = resource.logicalId();
                found.nextResource();
            }
            Resource group = groupOfStandaloneRule(resource, groups);
            for (TemplateRule rule : rules) {
                // Properties that are unknown as a whole (a macro, a Ref) cannot be checked property by property;
                // only the rules for any type (suppression reasons, transforms) still apply.
                boolean undetermined = !resource.properties().isMap() && !rule.info().resourceTypes().contains("*");
                if (!rule.appliesTo(resource.type()) || undetermined) {
                    continue;
                }
                RuleFindings out = new RuleFindings(resource.line(), resource.column());
                rule.check(resource, context, out);
                for (RuleFindings.Report reported : out.reports()) {
                    // Thousands of resources get the same message: keep one copy of each text.
                    RuleFindings.Report report = new RuleFindings.Report(shared(messages, reported.message()),
                            reported.line(), reported.column());
                    found.add(toFinding(rule, resource, report, group), false);
                    if (group != null) {
                        // cfn_nag reports a standalone ingress/egress rule against the group it names, checkov
                        // against the rule resource: report both so either peer's users find it where they look.
                        found.add(toFinding(rule, group, new RuleFindings.Report(report.message() + " (in "
                                + resource.type() + " " + resource.logicalId() + ")", report.line(), report.column()),
                                resource), true);
                    }
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
        List<Finding> findings = found.all;
        findings.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::ruleId));
        return findings;
    }

    /** What makes two reports the same finding (a resource evaluated once per condition combination reports twice). */
    private record FindingKey(String ruleId, String resource, int line, int column, String message) {}

    /** The findings of one template, without duplicates. */
    private static final class Findings {
        final List<Finding> all = new ArrayList<>();
        private final Set<FindingKey> currentResource = new HashSet<>();
        private final Set<FindingKey> copies = new HashSet<>();

        void nextResource() {
            currentResource.clear();
        }

        void add(Finding finding, boolean copy) {
            FindingKey key = new FindingKey(finding.ruleId(), finding.resource(), finding.line(), finding.column(),
                    finding.message());
            if ((copy ? copies : currentResource).add(key)) {
                all.add(finding);
            }
        }
    }

    private static String shared(Map<String, String> texts, String text) {
        String known = texts.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    /** Transforms that make the template's content unknown, reported against the template (unless disabled). */
    private void templateFindings(TemplateNode root, Findings found) {
        TemplateRule transformRule = rules.stream().filter(r -> r instanceof TransformRule).findFirst().orElse(null);
        if (transformRule == null) {
            return;
        }
        var info = transformRule.info();
        Severity severity = policy.severityOverrides().getOrDefault(info.id(), info.severity());
        for (TransformRule.TemplateReport report : TransformRule.templateReports(root)) {
            Finding finding = new Finding(info.id(), severity, info.title(), report.where(), "Template",
                    report.report().line(), report.report().column(), report.report().message(), info.remediation(),
                    info.references(), false, null);
            String suppression = Suppressions.find(root.get("Metadata"), info);
            found.add(suppression == null ? finding : finding.suppressedBy(suppression), true);
        }
    }

    /**
     * The security group a standalone AWS::EC2::SecurityGroupIngress/Egress resource names in GroupId (by Ref or
     * GetAtt), when that group is in this template; otherwise null.
     */
    private static Resource groupOfStandaloneRule(Resource resource, Map<String, Resource> groups) {
        if (!resource.type().equals("AWS::EC2::SecurityGroupIngress")
                && !resource.type().equals("AWS::EC2::SecurityGroupEgress")) {
            return null;
        }
        TemplateNode groupId = resource.property("GroupId");
        for (Resource group : groups.values()) {
            if (IntrinsicValues.refersTo(groupId, group.logicalId())) {
                return group;
            }
        }
        return null;
    }

    /**
     * The finding for one report; suppressed by the resource's Metadata, or by that of {@code alsoSuppressedBy} (the
     * other resource of a standalone security group rule, so a suppression written where either peer expects it
     * covers both reports).
     */
    private Finding toFinding(TemplateRule rule, Resource resource, RuleFindings.Report report, Resource alsoSuppressedBy) {
        var info = rule.info();
        Severity severity = policy.severityOverrides().getOrDefault(info.id(), info.severity());
        Finding finding = new Finding(info.id(), severity, info.title(), resource.logicalId(), resource.type(),
                report.line(), report.column(), report.message(), info.remediation(), info.references(), false, null);
        String suppression = Suppressions.find(resource.metadata(), info);
        if (suppression == null && alsoSuppressedBy != null) {
            suppression = Suppressions.find(alsoSuppressedBy.metadata(), info);
        }
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
