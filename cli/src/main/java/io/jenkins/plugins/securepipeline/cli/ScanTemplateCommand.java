package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.ProductInfo;
import io.jenkins.plugins.securepipeline.template.BlockingThreshold;
import io.jenkins.plugins.securepipeline.template.ParameterValues;
import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.ScanPolicy;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import io.jenkins.plugins.securepipeline.template.baseline.Baseline;
import io.jenkins.plugins.securepipeline.template.baseline.BaselinePaths;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleException;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleResult;
import io.jenkins.plugins.securepipeline.template.guard.GuardRules;
import io.jenkins.plugins.securepipeline.template.guard.GuardScan;
import io.jenkins.plugins.securepipeline.template.report.ReportFormat;
import io.jenkins.plugins.securepipeline.template.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code secure-pipeline scan-template}: static security analysis of CloudFormation and SAM templates.
 * Exit codes: 0 nothing blocking, 1 blocking findings, 2 usage error, 3 a template or input file unreadable
 * (checked before blocking findings: an unread template must never look like a pass).
 *
 * <p>{@code --baseline FILE} applies a baseline (findings it records are reported, marked, and do not block);
 * {@code --create-baseline FILE} records the run's findings as one. The baseline is applied last, after the Guard
 * rules, so their findings are matched too.
 */
@Command(name = "scan-template", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INVALID_INPUT,
        description = "Scan CloudFormation / SAM templates (files or directories) for security problems.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above the threshold", "1:blocking findings", "2:usage error",
                "3:a template, --policy, --parameters or --baseline file could not be read (checked first: an unread template never passes)",
                "6:out of memory (raise the heap limit) or an unexpected internal failure (the message says what)"})
public final class ScanTemplateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|json|sarif|junit", defaultValue = "text",
            description = "Report format (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    private Path output;

    @Option(names = "--fail-on", paramLabel = "low|medium|high|critical|never",
            description = "Lowest severity that blocks, or never (default, also when blank: the policy file's threshold, else high).")
    private String failOn;

    @Option(names = "--parameters", paramLabel = "FILE",
            description = "Parameter values: {\"Parameters\":{..}} or [{\"ParameterKey\":..,\"ParameterValue\":..}].")
    private Path parametersFile;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file: threshold, disabledRules, severityOverrides.")
    private Path policyFile;

    @Option(names = "--allow-empty",
            description = "Pass when a PATH holds no template (by default that is an error, exit 3: nothing scanned).")
    private boolean allowEmpty;

    @Option(names = "--rules", paramLabel = "FILE|DIR",
            description = "CloudFormation Guard rule file, or directory of *.guard / *.ruleset files (repeatable).")
    private List<Path> guardRules = new ArrayList<>();

    @Option(names = "--guard-severity", paramLabel = "low|medium|high|critical", defaultValue = "high",
            description = "Severity of a failed Guard rule's findings where the --policy file's guardSeverities"
                    + " name none (default: ${DEFAULT-VALUE}).")
    private String guardSeverity;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline of accepted findings: those it records are reported, marked, and do not block; new ones do.")
    private Path baselineFile;

    @Option(names = "--create-baseline", paramLabel = "FILE",
            description = "Record every finding not suppressed in the templates (Guard findings included) in FILE, written"
                    + " atomically, and exit 0; nothing is written when a template cannot be read (exit 3).")
    private Path createBaseline;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template files or directories (recursive).")
    private List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat reportFormat;
        try {
            reportFormat = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (baselineFile != null && createBaseline != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--baseline and --create-baseline cannot be"
                    + " used together: --create-baseline records every current finding; to update a baseline, create"
                    + " it again");
        }
        ParameterValues parameters = ParameterValues.NONE;
        ScanPolicy policy = ScanPolicy.DEFAULT;
        String option = "--parameters";
        try {
            if (parametersFile != null) {
                parameters = ParameterValues.read(parametersFile);
            }
            option = "--policy";
            if (policyFile != null) {
                policy = ScanPolicy.read(policyFile);
            }
        } catch (TemplateParseException e) {
            err.println("error: " + option + ": " + TextReport.printable(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
        Severity threshold = threshold(policy);
        Severity severityOfGuardFindings;
        try {
            severityOfGuardFindings = Severity.parse(guardSeverity);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--guard-severity: " + e.getMessage());
        }
        GuardRules rules = GuardRules.NONE;
        if (!guardRules.isEmpty()) {
            try {
                rules = GuardRules.load(guardRules);
            } catch (GuardRuleException | IOException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        Baseline baseline = null;
        if (baselineFile != null) {
            // Read before scanning: a baseline that cannot be used stops the run before any work, like --policy.
            try {
                baseline = Baseline.read(baselineFile);
            } catch (IOException e) {
                err.println("error: --baseline: " + TextReport.printable(e.getMessage()));
                return ExitCodes.INVALID_INPUT;
            }
        }
        try {
            return scanAndReport(reportFormat, parameters, policy, threshold, rules, severityOfGuardFindings, baseline,
                    out, err);
        } catch (OutOfMemoryError e) {
            // The references to the half-built result are gone by now, so there is memory to say what happened: the
            // same line and exit code (6) as out of memory anywhere else. Never exit 1: that means "blocked".
            err.flush();
            return SecurePipelineCommand.outOfMemory();
        } catch (StackOverflowError e) {
            err.println("error: the templates are nested too deeply to be scanned within this process's stack; scan"
                    + " fewer or simpler files, or raise the stack size (SECURE_PIPELINE_JAVA_OPTS=-Xss...)");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
    }

    private int scanAndReport(ReportFormat reportFormat, ParameterValues parameters, ScanPolicy policy,
            Severity threshold, GuardRules rules, Severity severityOfGuardFindings, Baseline baseline, PrintWriter out,
            PrintWriter err) {
        ScanResult result;
        try {
            result = new TemplateScanner(ReaderLimits.DEFAULT, parameters, policy).scan(paths, threshold, allowEmpty);
        } catch (IOException e) {
            err.println("error: " + TextReport.printable(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
        Map<String, List<GuardRuleResult>> guardStatuses = Map.of();
        if (!rules.isEmpty()) {
            GuardScan.Outcome outcome = new GuardScan(rules, policy.guardSeverities(), severityOfGuardFindings,
                    ReaderLimits.DEFAULT).apply(result);
            result = outcome.result();
            guardStatuses = outcome.statuses();
        }
        String version = ProductInfo.current().version();
        try {
            if (baseline != null) {
                result = baseline.apply(result, BaselinePaths.besideFile(baselineFile), baselineFile.toString());
            }
        } catch (IOException e) {
            err.println("error: --baseline: " + TextReport.printable(String.valueOf(e.getMessage())));
            return ExitCodes.INVALID_INPUT;
        }
        boolean baselineNotWritten = false;
        if (createBaseline != null) {
            if (result.errorCount() > 0) {
                baselineNotWritten = true; // a baseline without the unread templates' findings would look complete
            } else {
                try {
                    Path parent = createBaseline.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    BaselinePaths paths = BaselinePaths.besideFile(createBaseline);
                    Baseline created = Baseline.of(result, paths, version);
                    created.write(createBaseline);
                    result = created.apply(result, paths, createBaseline.toString());
                    err.println("scan-template: baseline " + TextReport.printable(createBaseline.toString()) + " written: "
                            + created.entries().size() + " finding(s) recorded");
                } catch (IOException e) {
                    err.println("error: --create-baseline: cannot write " + TextReport.printable(createBaseline.toString())
                            + ": " + TextReport.printable(String.valueOf(e.getMessage())));
                    return ExitCodes.USAGE;
                }
            }
        }
        if (output != null) {
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                // Written as the report is produced: a scan of thousands of templates never holds the report text.
                try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    reportFormat.write(result, version, guardStatuses, file);
                }
            } catch (IOException e) {
                err.println("error: cannot write " + TextReport.printable(output.toString()) + ": "
                        + TextReport.printable(String.valueOf(e.getMessage())));
                return ExitCodes.USAGE;
            }
            out.println(TextReport.summary(result));
        } else {
            try {
                reportFormat.write(result, version, guardStatuses, out);
            } catch (IOException e) {
                err.println("error: cannot write the report: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        out.flush();
        if (baselineNotWritten) {
            err.println("error: --create-baseline: " + TextReport.printable(createBaseline.toString()) + " not written: "
                    + result.errorCount() + " template(s) could not be read (a read error is never accepted)");
        }
        if (result.errorCount() > 0) {
            return ExitCodes.INVALID_INPUT;
        }
        return result.blockingCount() > 0 ? ExitCodes.BLOCKED : ExitCodes.OK;
    }

    /** A blank --fail-on is the same as none given: never a way to turn blocking off (only "never" does). */
    private Severity threshold(ScanPolicy policy) {
        if (BlockingThreshold.isBlank(failOn)) {
            return policy.threshold() != null ? policy.threshold() : BlockingThreshold.DEFAULT;
        }
        try {
            return BlockingThreshold.parse("--fail-on", failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
