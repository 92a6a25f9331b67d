package io.jenkins.plugins.securepipeline.plugin.template;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.ProductInfo;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.plugin.AuditTrail;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineRunAction;
import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.ParameterValues;
import io.jenkins.plugins.securepipeline.template.PolicyTightening;
import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.ScanPolicy;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import io.jenkins.plugins.securepipeline.template.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Copies the matching templates from the workspace (wherever the agent is) into a temporary directory on the
 * controller and scans them there, on a background thread: templates are small, and the scanner's libraries then
 * never have to be sent to agents. Reports go back into the workspace for warnings-ng and code scanning.
 */
final class ScanTemplateExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    static final String STEP = "scanTemplate";
    private static final int MAX_FINDINGS_LOGGED = 50;

    private final transient ScanTemplateStep step;

    ScanTemplateExecution(ScanTemplateStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        FilePath workspace = context.get(FilePath.class);
        TaskListener listener = context.get(TaskListener.class);
        Run<?, ?> run = context.get(Run.class);
        Path scratch = Files.createTempDirectory("aws-secure-pipeline-scan");
        try {
            Path templates = Files.createDirectory(scratch.resolve("templates"));
            int copied = workspace.copyRecursiveTo(step.getFiles(), step.getExcludes(), new FilePath(templates.toFile()));
            if (copied == 0) {
                throw refuse(run, "no file in the workspace matches files: '" + step.getFiles() + "'", Map.of());
            }
            List<String> links = removeSymbolicLinks(templates);
            ParameterValues parameters = step.getParameters() == null ? ParameterValues.NONE
                    : ParameterValues.read(copyInput(workspace, step.getParameters(), scratch, "parameters"));
            ScanPolicy pipelinePolicy = step.getPolicy() == null ? ScanPolicy.DEFAULT
                    : ScanPolicy.read(copyInput(workspace, step.getPolicy(), scratch, "policy"));
            boolean never = "never".equalsIgnoreCase(step.getFailOn());
            Severity asked = step.getFailOn() == null || never ? null : Severity.parse(step.getFailOn());
            PolicyTightening tightening = PolicyTightening.of(SecurePipelineConfiguration.get().scanPolicy(),
                    pipelinePolicy, asked, never);
            if (!tightening.ignored().isEmpty()) {
                listener.getLogger().println("scanTemplate: a Jenkinsfile can only tighten the administrator's scan policy;"
                        + " ignored: " + String.join("; ", tightening.ignored()));
            }
            ScanPolicy policy = tightening.policy();
            ScanResult local = new TemplateScanner(ReaderLimits.DEFAULT, parameters, policy).scan(List.of(templates), policy.threshold());
            ScanResult result = relativeTo(local, templates, links);

            String version = ProductInfo.current().version();
            if (step.getSarifFile() != null) {
                workspace.child(step.getSarifFile()).write(ReportFormat.parse("sarif").render(result, version), "UTF-8");
            }
            if (step.getJsonFile() != null) {
                workspace.child(step.getJsonFile()).write(ReportFormat.parse("json").render(result, version), "UTF-8");
            }
            logSummary(listener, result);
            SecurePipelineRunAction.addFindings(run, findingRows(result));
            return conclude(run, listener, result);
        } catch (TemplateParseException e) {
            throw refuse(run, e.getMessage(), Map.of());
        } finally {
            deleteRecursively(scratch);
        }
    }

    private Map<String, Object> conclude(Run<?, ?> run, TaskListener listener, ScanResult result) throws Exception {
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("files", step.getFiles());
        subject.put("templates", String.valueOf(result.templates().size()));
        subject.put("findings", String.valueOf(result.findingCount()));
        subject.put("blocking", String.valueOf(result.blockingCount()));
        subject.put("suppressed", String.valueOf(result.suppressedCount()));
        subject.put("threshold", result.threshold() == null ? "never" : result.threshold().label());
        if (result.errorCount() > 0) {
            throw refuse(run, result.errorCount() + " template(s) could not be read; see the errors above", subject);
        }
        if (result.blockingCount() > 0) {
            String reason = result.blockingCount() + " finding(s) at or above " + result.threshold().label();
            AuditTrail.record(run, event(run, AuditOutcome.BLOCKED, reason, subject));
            if (!step.isUnstable()) {
                throw new AbortException(STEP + ": " + reason);
            }
            getContext().get(FlowNode.class).addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(reason));
            run.setResult(Result.UNSTABLE);
            listener.getLogger().println(STEP + ": " + reason + "; the build is marked unstable");
        } else {
            AuditTrail.record(run, event(run, AuditOutcome.PASSED, "no finding blocks", subject));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("templates", result.templates().size());
        summary.put("skipped", result.skipped());
        summary.put("findings", (int) result.findingCount());
        summary.put("blocking", (int) result.blockingCount());
        summary.put("suppressed", (int) result.suppressedCount());
        Map<String, Object> bySeverity = new LinkedHashMap<>();
        result.countsBySeverity().forEach((severity, count) -> bySeverity.put(severity.label(), count.intValue()));
        summary.put("bySeverity", bySeverity);
        summary.put("sarifFile", step.getSarifFile());
        summary.put("jsonFile", step.getJsonFile());
        return summary;
    }

    private void logSummary(TaskListener listener, ScanResult result) {
        listener.getLogger().println("scanTemplate: " + result.templates().size() + " template(s), " + result.skipped()
                + " other file(s) skipped, " + result.findingCount() + " finding(s) (" + result.suppressedCount()
                + " suppressed), " + result.blockingCount() + " blocking at "
                + (result.threshold() == null ? "never" : result.threshold().label()) + " and above");
        int logged = 0;
        for (TemplateReport report : result.templates()) {
            if (report.error() != null) {
                listener.getLogger().println("  " + report.error());
            }
            for (Finding finding : report.findings()) {
                if (finding.suppressed() || logged >= MAX_FINDINGS_LOGGED) {
                    continue;
                }
                logged++;
                listener.getLogger().println("  " + report.path() + ":" + finding.line() + ": " + finding.severity().label()
                        + " " + finding.ruleId() + " " + finding.resource() + ": " + finding.message()
                        + (result.blocks(finding) ? " [blocking]" : ""));
            }
        }
        if (result.findingCount() - result.suppressedCount() > MAX_FINDINGS_LOGGED) {
            listener.getLogger().println("  ... the rest are in " + step.getJsonFile() + " and " + step.getSarifFile());
        }
    }

    /** The findings for the build's page, most severe first, suppressed ones last. */
    private static List<SecurePipelineRunAction.FindingRow> findingRows(ScanResult result) {
        List<SecurePipelineRunAction.FindingRow> rows = new ArrayList<>();
        for (TemplateReport report : result.templates()) {
            for (Finding finding : report.findings()) {
                rows.add(new SecurePipelineRunAction.FindingRow(report.path(), finding.line(), finding.severity().label(),
                        finding.ruleId(), finding.resource(), finding.message(), result.blocks(finding), finding.suppressed()));
            }
        }
        rows.sort(Comparator.comparing(SecurePipelineRunAction.FindingRow::isSuppressed)
                .thenComparing(row -> -Severity.parse(row.getSeverity()).ordinal()));
        return rows;
    }

    /** Reports name files as they are in the workspace, not as they were in the controller's scratch directory. */
    private static ScanResult relativeTo(ScanResult result, Path root, List<String> links) {
        List<TemplateReport> reports = new ArrayList<>();
        for (String link : links) {
            reports.add(TemplateReport.failed(link, link + ": symbolic link, not followed; list the file it points to"
                    + " instead"));
        }
        String prefix = root.toString() + root.getFileSystem().getSeparator();
        for (TemplateReport report : result.templates()) {
            String path = report.path().startsWith(prefix) ? report.path().substring(prefix.length()) : report.path();
            String error = report.error() == null ? null : report.error().replace(prefix, "");
            reports.add(new TemplateReport(path.replace('\\', '/'), error, report.findings()));
        }
        return new ScanResult(reports, result.skipped(), result.threshold());
    }

    /**
     * The copy keeps symbolic links as links, and here they would resolve on the controller, not on the agent:
     * a link in the workspace could make the scan read (and quote in its report) a controller file. Links are
     * removed before scanning and each one becomes an error, so a linked template is never silently unscanned.
     */
    private static List<String> removeSymbolicLinks(Path root) throws IOException {
        List<Path> links;
        try (Stream<Path> paths = Files.walk(root)) {
            links = paths.filter(Files::isSymbolicLink).toList();
        }
        List<String> names = new ArrayList<>();
        for (Path link : links) {
            Files.delete(link);
            names.add(root.relativize(link).toString().replace('\\', '/'));
        }
        return names;
    }

    private static Path copyInput(FilePath workspace, String relative, Path scratch, String what) throws Exception {
        FilePath source = workspace.child(relative);
        if (!source.exists()) {
            throw new AbortException(STEP + ": the " + what + " file '" + relative + "' is not in the workspace");
        }
        Path target = scratch.resolve(what + "-" + source.getName());
        source.copyTo(new FilePath(target.toFile()));
        return target;
    }

    private AbortException refuse(Run<?, ?> run, String reason, Map<String, String> subject) throws IOException {
        AuditTrail.record(run, event(run, AuditOutcome.FAILED, reason, subject));
        return new AbortException(STEP + ": " + reason);
    }

    private AuditEvent event(Run<?, ?> run, AuditOutcome outcome, String reason, Map<String, String> subject) {
        return new AuditEvent(Instant.now(), STEP, outcome, reason, BuildIdentity.triggeringUser(run),
                BuildIdentity.buildId(run), subject);
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
