package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.template.TemplateParseException;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleException;
import io.jenkins.plugins.securepipeline.template.guard.GuardRuleTests;
import io.jenkins.plugins.securepipeline.template.guard.GuardRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code secure-pipeline guard-test}: runs Guard rule unit tests in the format {@code cfn-guard test} reads, with
 * the engine scan-template uses. Exit codes: 0 every expectation met, 1 some not, 3 unreadable rules or tests.
 */
@Command(name = "guard-test", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Run CloudFormation Guard rule unit tests (the cfn-guard test format) against rule files.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expectation is met", "1:an expectation is not met", "2:usage error",
                "3:the rules or the tests cannot be read", "6:unexpected internal failure (the message says what; please report it)"})
public final class GuardTestCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"--rules", "-r"}, required = true, paramLabel = "FILE",
            description = "The Guard rule file under test.")
    private Path rules;

    @Option(names = {"--test-data", "-t"}, required = true, paramLabel = "FILE",
            description = "Test file: a YAML or JSON list of {name, input, expectations: {rules: {RULE: PASS|FAIL|SKIP}}}.")
    private Path tests;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<GuardRuleTests.Outcome> outcomes;
        try {
            outcomes = GuardRuleTests.run(GuardRules.load(List.of(rules)), tests);
        } catch (GuardRuleException | TemplateParseException | IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        long failed = 0;
        for (GuardRuleTests.Outcome outcome : outcomes) {
            if (outcome.passed()) {
                out.println("PASS " + outcome.testCase() + ": " + outcome.rule() + " = " + outcome.expected());
            } else {
                failed++;
                out.println("FAIL " + outcome.testCase() + ": " + outcome.rule() + " expected " + outcome.expected()
                        + ", evaluated " + (outcome.actual() == null ? "nothing (no such rule)" : outcome.actual()));
            }
        }
        out.println(outcomes.size() + " expectation(s), " + failed + " failed");
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.BLOCKED;
    }
}
