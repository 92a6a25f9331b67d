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
 */
@Command(name = "scan-template", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INVALID_INPUT,
        description = "Scan CloudFormation / SAM templates (files or directories) for security problems.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above the threshold", "1:blocking findings", "2:usage error",
                "3:a template, --policy or --parameters file could not be read (checked first: an unread template never passes)",
                "6:unexpected internal failure (the message says what; please report it)"})
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
        try {
            return scanAndReport(reportFormat, parameters, policy, threshold, rules, severityOfGuardFindings, out, err);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // The references to the half-built result are gone by now, so there is memory to say what happened.
            // Not exit 1: that means "blocked", and a scan that could not finish blocked nothing, it read nothing.
            err.println("error: the templates could not be scanned within the memory this process has ("
                    + e.getClass().getSimpleName() + "); scan fewer files at a time or raise the heap limit"
                    + " (SECURE_PIPELINE_JAVA_OPTS=-Xmx...)");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
    }

    private int scanAndReport(ReportFormat reportFormat, ParameterValues parameters, ScanPolicy policy,
            Severity threshold, GuardRules rules, Severity severityOfGuardFindings, PrintWriter out, PrintWriter err) {
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
