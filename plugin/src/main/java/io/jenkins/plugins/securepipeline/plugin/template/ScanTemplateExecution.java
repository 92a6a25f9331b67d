package io.jenkins.plugins.securepipeline.plugin.template;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.securepipeline.ProductInfo;
import io.jenkins.plugins.securepipeline.audit.AuditEvent;
import io.jenkins.plugins.securepipeline.audit.AuditOutcome;
import io.jenkins.plugins.securepipeline.integrity.ArtifactPath;
import io.jenkins.plugins.securepipeline.plugin.AuditTrail;
import io.jenkins.plugins.securepipeline.plugin.BuildIdentity;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineConfiguration;
import io.jenkins.plugins.securepipeline.plugin.SecurePipelineRunAction;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerAws;
import io.jenkins.plugins.securepipeline.template.BlockingThreshold;
import io.jenkins.plugins.securepipeline.template.BoundedCopy;
import io.jenkins.plugins.securepipeline.template.Finding;
import io.jenkins.plugins.securepipeline.template.GuardSeverities;
import io.jenkins.plugins.securepipeline.template.ParameterValues;
import io.jenkins.plugins.securepipeline.template.PolicyTightening;
import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.ScanPolicy;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.TemplateReport;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import io.jenkins.plugins.securepipeline.template.TemplateSelectionLimits;
import io.jenkins.plugins.securepipeline.template.baseline.Baseline;
import io.jenkins.plugins.securepipeline.template.baseline.BaselinePaths;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleException;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleResult;
import io.jenkins.plugins.securepipeline.template.guard.GuardRules;
import io.jenkins.plugins.securepipeline.template.guard.GuardScan;
import io.jenkins.plugins.securepipeline.template.guard.pack.GuardRulePack;
import io.jenkins.plugins.securepipeline.template.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Copies the matching templates from the workspace (wherever the agent is) into a temporary directory on the
 * controller and scans them there, on a background thread: templates are small, and the scanner's libraries then
 * never have to be sent to agents. The selection is made and measured where the workspace is first
 * ({@link WorkspaceTemplates}), and refused before any copy when it goes beyond the administrator's limits; the copy
 * enforces the byte limits again. Reports go back into the workspace for warnings-ng and code scanning.
 */
final class ScanTemplateExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    static final String STEP = "scanTemplate";
    private static final int MAX_FINDINGS_LOGGED = 50;
    /** One deadline for fetching a URL rule pack: connecting, the answer and the whole body. */
    private static final Duration RULE_PACK_TIMEOUT = Duration.ofSeconds(30);

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
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        ScanPolicy adminPolicy;
        TemplateSelectionLimits limits;
        try {
            adminPolicy = config.scanPolicy();
            limits = config.templateSelectionLimits();
        } catch (IllegalArgumentException e) {
            throw refuse(run, "the administrator's scan settings are invalid: " + e.getMessage(), Map.of());
        }
        CheckedSelection selected = select(run, workspace, limits, "files", step.getFiles(), step.getExcludes(), false);
        if (selected.count() == 0) {
            throw refuse(run, "no file in the workspace matches files: '" + step.getFiles() + "' (only .json, .yaml, .yml"
                    + " and .template files outside folders starting with '.' and node_modules are scanned)", Map.of());
        }
        Path scratch = Files.createTempDirectory("aws-secure-pipeline-scan");
        try {
            Path templates = Files.createDirectory(scratch.resolve("templates"));
            long copied = copyTemplates(run, workspace, selected.files(), templates, limits);
            listener.getLogger().println(STEP + ": copied " + selected.files().size() + " template file(s), " + copied
                    + " bytes, from the workspace");
            ParameterValues parameters = step.getParameters() == null ? ParameterValues.NONE
                    : ParameterValues.read(copyInput(run, workspace, step.getParameters(), scratch, "parameters", limits));
            ScanPolicy pipelinePolicy = step.getPolicy() == null ? ScanPolicy.DEFAULT
                    : ScanPolicy.read(copyInput(run, workspace, step.getPolicy(), scratch, "policy", limits));
            // A blank failOn was dropped by the step (the administrator's threshold applies); only "never" is never.
            boolean never = BlockingThreshold.isNever(step.getFailOn());
            Severity asked = step.getFailOn() == null || never ? null : BlockingThreshold.parse("failOn", step.getFailOn());
            PolicyTightening tightening = PolicyTightening.of(adminPolicy, pipelinePolicy, asked, never);
            if (!tightening.ignored().isEmpty()) {
                listener.getLogger().println("scanTemplate: a Jenkinsfile can only tighten the administrator's scan policy;"
                        + " ignored: " + String.join("; ", tightening.ignored()));
            }
            ScanPolicy policy = tightening.policy();
            GuardRuleSet guard = guardRules(run, listener, workspace, scratch, limits);
            ScanResult local = new TemplateScanner(ReaderLimits.DEFAULT, parameters, policy)
                    .scan(List.of(templates), policy.threshold(), step.isAllowEmpty());
            Map<String, List<GuardRuleResult>> localStatuses = Map.of();
            if (!guard.rules().isEmpty()) {
                // One pass over the templates for every pack and the workspace's rules. A pack's findings get the
                // administrator's severity; the pipeline's policy (guardSeverities, tightened) can only raise it.
                GuardSeverities severities = guard.packSeverities().raisedBy(policy.guardSeverities());
                GuardScan.Outcome outcome = new GuardScan(guard.rules(), severities, guard.workspaceSeverity(),
                        ReaderLimits.DEFAULT).apply(local);
                local = outcome.result();
                localStatuses = outcome.statuses();
            }
            String rootName = "files '" + step.getFiles() + "'";
            ScanResult result = relativeTo(local, templates, selected.links(), rootName);
            Map<String, List<GuardRuleResult>> guardStatuses = new LinkedHashMap<>();
            localStatuses.forEach((path, results) -> guardStatuses.put(relativePath(path, templates, rootName), results));

            if (step.getBaseline() != null) {
                result = applyBaseline(run, listener, workspace, scratch, limits, result, guard);
            }

            writeReport(workspace, step.getSarifFile(), "sarif", result, guardStatuses, scratch);
            writeReport(workspace, step.getJsonFile(), "json", result, guardStatuses, scratch);
            logSummary(listener, result);
            SecurePipelineRunAction.addFindings(run, findingRows(result));
            return conclude(run, listener, result, guard);
        } catch (TemplateParseException | GuardRuleException e) {
            throw refuse(run, e.getMessage(), Map.of());
        } finally {
            deleteRecursively(scratch);
        }
    }

    /**
     * Asks the machine of the workspace which files the glob selects and how large they are, and refuses, before
     * anything is copied, a selection beyond the administrator's limits. The answer comes from an agent, which may
     * be compromised: its names are checked here, and the copy enforces the sizes again.
     */
    private CheckedSelection select(Run<?, ?> run, FilePath workspace, TemplateSelectionLimits limits, String field,
            String patterns, String excludes, boolean guardRuleFiles) throws Exception {
        WorkspaceTemplates.Selection selection = workspace.act(
                new WorkspaceTemplates.Select(patterns, excludes, limits.maxFiles(), guardRuleFiles));
        List<TemplateSelectionLimits.SelectedFile> files = new ArrayList<>();
        for (WorkspaceTemplates.Entry entry : selection.files()) {
            files.add(new TemplateSelectionLimits.SelectedFile(checkedName(run, entry.name()), entry.bytes()));
        }
        List<String> links = new ArrayList<>();
        for (String link : selection.links()) {
            links.add(checkedName(run, link));
        }
        Optional<TemplateSelectionLimits.Excess> excess;
        try {
            excess = limits.check(selection.count(), files);
        } catch (IllegalArgumentException e) {
            throw refuse(run, "the workspace's machine reported an impossible file size: " + e.getMessage(), Map.of());
        }
        if (excess.isPresent()) {
            TemplateSelectionLimits.Excess over = excess.get();
            String setting = SecurePipelineConfiguration.scanLimitSetting(over.limit());
            Map<String, String> subject = new LinkedHashMap<>();
            subject.put(field, patterns);
            subject.put("limit", setting);
            subject.put("allowed", String.valueOf(over.allowed()));
            subject.put("selected", String.valueOf(over.actual()));
            throw refuse(run, field + ": '" + patterns + "' selects " + over.describe() + " (administrator setting "
                    + setting + "); nothing was copied. Narrow " + field + (guardRuleFiles ? "" : " or excludes")
                    + ", or ask an administrator to raise "
                    + setting + ".", subject);
        }
        return new CheckedSelection(selection.count(), files, links);
    }

    /**
     * The Guard rules of a scan, all run in one pass: the packs' rules (named {@code PACK/FILE/RULE}) with their
     * severities, and the workspace's rule files with {@code workspaceSeverity}; {@code sources} names each part for
     * the audit event.
     */
    private record GuardRuleSet(GuardRules rules, GuardSeverities packSeverities, Severity workspaceSeverity,
            List<String> packNames, List<String> sources) {
        boolean fromPack(Finding finding) {
            return packNames.stream().anyMatch(pack -> finding.ruleId().startsWith(pack + "/"));
        }
    }

    /**
     * The Guard rules of this scan: the administrator's packs that are mandatory for the job or named by the step
     * (each with the administrator's severity, read now: a change to a pack applies to the next scan), then the
     * workspace's rule files the step selects, copied like templates. Anything that cannot be read fails the step:
     * a rule that did not run must not look like a rule that passed.
     */
    private GuardRuleSet guardRules(Run<?, ?> run, TaskListener listener, FilePath workspace, Path scratch,
            TemplateSelectionLimits limits) throws Exception {
        SecurePipelineConfiguration config = SecurePipelineConfiguration.get();
        String job = run.getParent().getFullName();
        Set<String> packNames = new LinkedHashSet<>();
        for (GuardRulePackSetting pack : config.getGuardRulePacks()) {
            if (pack.appliesToJob(job)) {
                packNames.add(pack.getName());
            }
        }
        packNames.addAll(step.rulePackNames());
        List<GuardRules> parts = new ArrayList<>();
        List<GuardSeverities.Entry> packSeverities = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String name : packNames) {
            GuardRulePackSetting setting = config.guardRulePack(name);
            if (setting == null) {
                throw refuse(run, "rulePacks: no Guard rule pack named '" + name + "' is configured (Manage Jenkins >"
                        + " System > AWS Secure Pipeline)", Map.of("rulePack", name));
            }
            GuardRulePack.Loaded loaded;
            Severity severity;
            try {
                GuardRulePack pack = setting.pack();
                severity = setting.severityOfFindings();
                loaded = pack.load(RULE_PACK_TIMEOUT, ControllerAws.proxySelector());
                listener.getLogger().println(STEP + ": " + pack + ": " + loaded.files() + " rule file(s), sha256 "
                        + loaded.sha256() + ", findings " + severity.label()
                        + (setting.appliesToJob(job) ? " (mandatory for this job)" : ""));
            } catch (IllegalArgumentException | IllegalStateException | IOException | GuardRuleException e) {
                throw refuse(run, "Guard rule pack '" + name + "' cannot be used: " + e.getMessage(),
                        Map.of("rulePack", name));
            }
            parts.add(loaded.rules());
            packSeverities.add(new GuardSeverities.Entry(name + "/*", severity));
            sources.add("pack " + name + " sha256:" + loaded.sha256());
        }
        Severity workspaceSeverity = step.getGuardSeverity() == null ? Severity.HIGH : Severity.parse(step.getGuardSeverity());
        if (step.getRules() != null) {
            CheckedSelection selected = select(run, workspace, limits, "rules", step.getRules(), null, true);
            if (selected.files().isEmpty()) {
                throw refuse(run, "no Guard rule file (.guard, .ruleset) in the workspace matches rules: '"
                        + step.getRules() + "'" + (selected.links().isEmpty() ? ""
                        : "; symbolic links are not followed: " + String.join(", ", selected.links())),
                        Map.of("rules", step.getRules()));
            }
            Path ruleCopy = Files.createDirectory(scratch.resolve("rules"));
            copyTemplates(run, workspace, selected.files(), ruleCopy, limits);
            try {
                parts.add(GuardRules.load(List.of(ruleCopy)));
            } catch (IOException e) {
                throw refuse(run, "rules: " + e.getMessage().replace(ruleCopy.toString(), "rules '" + step.getRules() + "'"),
                        Map.of("rules", step.getRules()));
            }
            listener.getLogger().println(STEP + ": " + selected.files().size() + " Guard rule file(s) from rules: '"
                    + step.getRules() + "', findings " + workspaceSeverity.label());
            sources.add("rules " + step.getRules());
        }
        return new GuardRuleSet(GuardRules.combine(parts), GuardSeverities.of(packSeverities), workspaceSeverity,
                List.copyOf(packNames), sources);
    }

    /**
     * Applies the pipeline's baseline (a workspace file, copied within the per-file limit): the findings it records
     * are reported, marked, but do not block. Findings of the administrator's rule packs are never waived by it: a
     * pack that is mandatory for the job stays mandatory, whatever a Jenkinsfile's baseline says.
     */
    private ScanResult applyBaseline(Run<?, ?> run, TaskListener listener, FilePath workspace, Path scratch,
            TemplateSelectionLimits limits, ScanResult result, GuardRuleSet guard) throws Exception {
        String name = step.getBaseline();
        Baseline baseline;
        try {
            baseline = Baseline.read(copyInput(run, workspace, name, scratch, "baseline", limits), name);
        } catch (IOException e) {
            if (e instanceof AbortException) {
                throw e;
            }
            throw refuse(run, "baseline: " + e.getMessage(), Map.of("baseline", name));
        }
        ScanResult applied = baseline.apply(result, BaselinePaths.inWorkspace(name), name, f -> !guard.fromPack(f));
        ScanResult.BaselineStatus status = applied.baseline();
        listener.getLogger().println(STEP + ": baseline " + name + ": " + status.entries() + " entries, "
                + status.matched() + " finding(s) accepted as known (reported, not blocking)"
                + (status.noLongerFound() > 0 ? ", " + status.noLongerFound() + " entries no longer found (fixed or"
                        + " changed: the baseline can shrink)" : "")
                + (guard.packNames().isEmpty() ? "" : "; findings of administrator rule packs are never waived"));
        return applied;
    }

    /**
     * Writes a report into the workspace as it is produced: into a file beside the copied templates first, then
     * streamed to the workspace's machine, so a scan of thousands of templates never holds a report in memory.
     */
    private static void writeReport(FilePath workspace, String relative, String format, ScanResult result,
            Map<String, List<GuardRuleResult>> guardStatuses, Path scratch) throws IOException, InterruptedException {
        if (relative == null) {
            return;
        }
        Path local = scratch.resolve("report." + format);
        try (Writer out = Files.newBufferedWriter(local, StandardCharsets.UTF_8)) {
            ReportFormat.parse(format).write(result, ProductInfo.current().version(), guardStatuses, out);
        }
        try (InputStream in = Files.newInputStream(local)) {
            workspace.child(relative).copyFrom(in);
        }
    }

    /** The selected template files and the symbolic links among what the glob reached, names checked. */
    private record CheckedSelection(long count, List<TemplateSelectionLimits.SelectedFile> files, List<String> links) {}

    /**
     * Copies each selected file into the scratch directory through a bounded read: a file may have grown since it
     * was measured, and the sizes came from the agent. The read refuses symbolic links on the agent's side, up to
     * the workspace, so a link swapped in after the selection is not followed either.
     *
     * @return the bytes copied
     */
    private long copyTemplates(Run<?, ?> run, FilePath workspace, List<TemplateSelectionLimits.SelectedFile> files,
            Path templates, TemplateSelectionLimits limits) throws Exception {
        long total = 0;
        for (TemplateSelectionLimits.SelectedFile file : files) {
            Path target = templates.resolve(file.name()).normalize();
            if (!target.startsWith(templates) || target.equals(templates)) {
                throw refuse(run, "the workspace's machine returned an unusable file name: " + file.name(), Map.of());
            }
            Files.createDirectories(target.getParent());
            long room = limits.maxTotalBytes() - total;
            boolean fileLimitFirst = limits.maxFileBytes() <= room;
            long copied;
            try (InputStream in = workspace.child(file.name()).read(workspace, LinkOption.NOFOLLOW_LINKS);
                    OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                copied = BoundedCopy.copy(in, out, Math.min(limits.maxFileBytes(), room));
            } catch (IOException e) {
                throw refuse(run, file.name() + " could not be copied from the workspace: " + e, Map.of());
            }
            if (copied < 0) {
                String setting = SecurePipelineConfiguration.scanLimitSetting(fileLimitFirst
                        ? TemplateSelectionLimits.Limit.FILE_BYTES : TemplateSelectionLimits.Limit.TOTAL_BYTES);
                String limit = fileLimitFirst ? limits.maxFileBytes() + " bytes per file"
                        : limits.maxTotalBytes() + " bytes per scan";
                throw refuse(run, file.name() + " grew past the limit of " + limit + " (administrator setting " + setting
                        + ") while it was copied; the copy was discarded", Map.of("files", step.getFiles(), "limit", setting));
            }
            total += copied;
        }
        return total;
    }

    /**
     * A name from the agent, checked before it names a file on the controller: relative, no {@code ..}, no NUL.
     * {@link #copyTemplates} checks again that it resolves inside the scratch directory.
     */
    private String checkedName(Run<?, ?> run, String name) throws IOException {
        try {
            return ArtifactPath.normalize(name);
        } catch (IllegalArgumentException e) {
            throw refuse(run, "the workspace's machine returned an unusable file name: " + e.getMessage(), Map.of());
        }
    }

    private Map<String, Object> conclude(Run<?, ?> run, TaskListener listener, ScanResult result,
            GuardRuleSet guard) throws Exception {
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put("files", step.getFiles());
        if (!guard.sources().isEmpty()) {
            subject.put("guardRules", String.join("; ", guard.sources()));
        }
        subject.put("templates", String.valueOf(result.templates().size()));
        subject.put("findings", String.valueOf(result.findingCount()));
        subject.put("blocking", String.valueOf(result.blockingCount()));
        subject.put("suppressed", String.valueOf(result.suppressedCount()));
        if (result.baseline() != null) {
            subject.put("baseline", step.getBaseline());
            subject.put("baselined", String.valueOf(result.baselinedCount()));
        }
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
        summary.put("baselined", (int) result.baselinedCount());
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
                + " suppressed" + (result.baseline() != null ? ", " + result.baselinedCount() + " in the baseline" : "")
                + "), " + result.blockingCount() + " blocking at "
                + (result.threshold() == null ? "never" : result.threshold().label()) + " and above");
        int logged = 0;
        for (TemplateReport report : result.templates()) {
            if (report.error() != null) {
                listener.getLogger().println("  " + report.error());
            }
            for (Finding finding : report.findings()) {
                if (finding.suppressed() || finding.baselined() || logged >= MAX_FINDINGS_LOGGED) {
                    continue;
                }
                logged++;
                listener.getLogger().println("  " + report.path() + ":" + finding.line() + ": " + finding.severity().label()
                        + " " + finding.ruleId() + " " + finding.resource() + ": " + finding.message()
                        + (result.blocks(finding) ? " [blocking]" : ""));
            }
        }
        if (result.findingCount() - result.suppressedCount() - result.baselinedCount() > MAX_FINDINGS_LOGGED) {
            listener.getLogger().println("  ... the rest are in " + step.getJsonFile() + " and " + step.getSarifFile());
        }
    }

    /** The findings for the build's page, most severe first, suppressed ones last. */
    private static List<SecurePipelineRunAction.FindingRow> findingRows(ScanResult result) {
        List<SecurePipelineRunAction.FindingRow> rows = new ArrayList<>();
        for (TemplateReport report : result.templates()) {
            for (Finding finding : report.findings()) {
                rows.add(new SecurePipelineRunAction.FindingRow(report.path(), finding.line(), finding.severity().label(),
                        finding.ruleId(), finding.resource(), finding.message(), result.blocks(finding), finding.suppressed(),
                        finding.baselined()));
            }
        }
        rows.sort(Comparator.comparing((SecurePipelineRunAction.FindingRow row) -> row.isSuppressed() || row.isBaselined())
                .thenComparing(row -> -Severity.parse(row.getSeverity()).ordinal()));
        return rows;
    }

    /**
     * Reports name files as they are in the workspace, not as they were in the controller's scratch directory: paths
     * relative to the copy's root; the root itself (named when nothing was scanned) is {@code rootName}.
     */
    private static ScanResult relativeTo(ScanResult result, Path root, List<String> links, String rootName) {
        List<TemplateReport> reports = new ArrayList<>();
        for (String link : links) {
            reports.add(TemplateReport.failed(link, link + ": symbolic link, not followed; list the file or folder it"
                    + " points to instead"));
        }
        String prefix = root.toString() + root.getFileSystem().getSeparator();
        for (TemplateReport report : result.templates()) {
            String error = report.error() == null ? null
                    : report.error().replace(prefix, "").replace(root.toString(), rootName);
            reports.add(new TemplateReport(relativePath(report.path(), root, rootName), error, report.findings()));
        }
        return new ScanResult(reports, result.skipped(), result.threshold());
    }

    private static String relativePath(String path, Path root, String rootName) {
        String prefix = root.toString() + root.getFileSystem().getSeparator();
        String relative = path.equals(root.toString()) ? rootName
                : path.startsWith(prefix) ? path.substring(prefix.length()) : path;
        return relative.replace('\\', '/');
    }

    /**
     * Copies the parameters or policy file named in the step into the scratch directory, at most the per-file limit
     * (the same reader reads them).
     */
    private Path copyInput(Run<?, ?> run, FilePath workspace, String relative, Path scratch, String what,
            TemplateSelectionLimits limits) throws Exception {
        String inside;
        try {
            if (relative.matches("[A-Za-z]:.*")) {
                throw new IllegalArgumentException("a drive letter");
            }
            inside = ArtifactPath.normalize(relative.replace('\\', '/'));
        } catch (IllegalArgumentException e) {
            // Not a path inside the workspace (absolute, or leading out with ..): on the built-in node it would name
            // a controller file.
            throw refuse(run, what + ": '" + relative + "' must be a relative path inside the workspace", Map.of());
        }
        FilePath source = workspace.child(inside);
        if (!source.exists()) {
            throw new AbortException(STEP + ": the " + what + " file '" + relative + "' is not in the workspace");
        }
        Path target = scratch.resolve(what + "-" + source.getName());
        long copied;
        // As for templates: no symbolic link is followed (on the built-in node it could name a controller file).
        try (InputStream in = source.read(workspace, LinkOption.NOFOLLOW_LINKS);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            copied = BoundedCopy.copy(in, out, limits.maxFileBytes());
        } catch (IOException e) {
            throw refuse(run, "the " + what + " file '" + relative + "' could not be copied from the workspace: "
                    + e.getMessage(), Map.of());
        }
        if (copied < 0) {
            throw refuse(run, "the " + what + " file '" + relative + "' is larger than " + limits.maxFileBytes()
                    + " bytes (administrator setting " + SecurePipelineConfiguration.SCAN_MAX_FILE_BYTES + ")", Map.of());
        }
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
