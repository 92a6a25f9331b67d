package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.ProductInfo;
import io.jenkins.plugins.securepipeline.template.ParameterValues;
import io.jenkins.plugins.securepipeline.template.ReaderLimits;
import io.jenkins.plugins.securepipeline.template.ScanPolicy;
import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import io.jenkins.plugins.securepipeline.template.report.ReportFormat;
import io.jenkins.plugins.securepipeline.template.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            description = "Lowest severity that blocks (default: the policy file's threshold, else high).")
    private String failOn;

    @Option(names = "--parameters", paramLabel = "FILE",
            description = "Parameter values: {\"Parameters\":{..}} or [{\"ParameterKey\":..,\"ParameterValue\":..}].")
    private Path parametersFile;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file: threshold, disabledRules, severityOverrides.")
    private Path policyFile;

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
            err.println("error: " + option + ": " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        Severity threshold = threshold(policy);
        ScanResult result;
        try {
            result = new TemplateScanner(ReaderLimits.DEFAULT, parameters, policy).scan(paths, threshold);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        String report = reportFormat.render(result, ProductInfo.current().version());
        if (output != null) {
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write " + output + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            String text = TextReport.render(result);
            String[] lines = text.split("\n");
            out.println(lines[lines.length - 1]);
        } else {
            out.print(report);
        }
        out.flush();
        if (result.errorCount() > 0) {
            return ExitCodes.INVALID_INPUT;
        }
        return result.blockingCount() > 0 ? ExitCodes.BLOCKED : ExitCodes.OK;
    }

    private Severity threshold(ScanPolicy policy) {
        if (failOn == null) {
            return policy.threshold() != null ? policy.threshold() : Severity.HIGH;
        }
        if (failOn.equalsIgnoreCase("never")) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage()
                    .replace("critical)", "critical, or never)"));
        }
    }
}
