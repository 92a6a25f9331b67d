package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SecurePipelineCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CapturedRun.execute(SecurePipelineCommand.newCommandLine(), out, err, args);
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: secure-pipeline").contains("--version");
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().trim()).matches("aws-secure-pipeline \\d+\\.\\d+.*");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void noSubcommandIsAUsageErrorNotASilentSuccess() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing subcommand");
    }

    @Test
    void helpListsEverySubcommand() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("assume-role", "scan-template", "hash", "verify-hash", "gate-window",
                "push-image", "verify-image", "copy-image", "guard-test");
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        assertThat(SecurePipelineCommand.forArguments(new String[] {"scan-template", "--help"}).getSubcommands())
                .containsOnlyKeys("scan-template");
        assertThat(SecurePipelineCommand.forArguments(new String[] {"--help"}).getSubcommands()).hasSize(11);
        assertThat(SecurePipelineCommand.forArguments(new String[] {"no-such-command"}).getSubcommands()).hasSize(11);
    }

    @Test
    void aUsageErrorIsOneLineAndAPointerToHelp() {
        assertThat(run("hash")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("secure-pipeline hash: Missing required parameter: 'PATH|GLOB'\n"
                + "Try 'secure-pipeline hash --help' for more information.\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsOneLineAndNeverTheBlockedExitCode() {
        CommandLine cli = SecurePipelineCommand.newCommandLine();
        cli.setErr(new PrintWriter(err, true));
        CommandLine hash = cli.getSubcommands().get("hash");
        int exit = SecurePipelineCommand.unexpectedFailure(new IllegalStateException("the index is\nbroken"), hash, null);
        assertThat(exit).isEqualTo(ExitCodes.INTERNAL_ERROR).isNotEqualTo(ExitCodes.BLOCKED);
        assertThat(err.toString()).isEqualTo("hash: internal error: the index is broken\n");
        // gate-window fails closed: its unexpected failures are exit 3, like an unreadable calendar.
        CommandLine gate = cli.getSubcommands().get("gate-window");
        assertThat(SecurePipelineCommand.unexpectedFailure(new NullPointerException(), gate, null))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).doesNotContain("NullPointerException").doesNotContain("\tat ");
    }

    @Test
    void everyCommandAndOptionIsDescribed() {
        CommandLine cli = SecurePipelineCommand.newCommandLine();
        cli.getSubcommands().forEach((name, command) -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertThat(description).as(name + " description").isNotEmpty();
            // The first line is the summary the top-level help lists: a whole sentence.
            assertThat(description[0]).as(name + " summary").endsWith(".");
            command.getCommandSpec().options().forEach(option -> assertThat(String.join(" ", option.description()))
                    .as(name + " " + option.longestName()).isNotBlank());
            command.getCommandSpec().positionalParameters().forEach(parameter -> assertThat(
                    String.join(" ", parameter.description())).as(name + " " + parameter.paramLabel()).isNotBlank());
        });
    }

    @Test
    void everyCommandListsItsExitCodes() {
        CommandLine cli = SecurePipelineCommand.newCommandLine();
        cli.getSubcommands().forEach((name, command) -> {
            StringWriter help = new StringWriter();
            command.usage(new PrintWriter(help));
            assertThat(help.toString()).as(name).contains("Exit codes:").contains("  0 ").contains("  2 ");
        });
    }

    @Test
    void completionScriptsKnowEveryCommandAndOption() {
        assertThat(run("completion", "bash")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("#!/usr/bin/env bash").contains("push-image").contains("--require-signature")
                .contains("--timeout").contains("complete -F");
        out.getBuffer().setLength(0);
        assertThat(run("completion", "zsh")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
                .contains("gate-window");
        assertThat(run("completion", "fish")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("expected one of [bash, zsh]");
    }

    @Test
    void manPagesAreWrittenFromTheCommandModel() {
        assertThat(run("man", "verify-hash")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith(".TH \"SECURE-PIPELINE-VERIFY-HASH\" 1 ")
                .contains("[\\-\\-public\\-key=FILE|awskms:///KEY]")
                .contains(".SH NAME\nsecure\\-pipeline\\-verify\\-hash \\- Verify files against a checksum file")
                .contains("\\fB\\-\\-require\\-signature\\fR\n").contains(".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\nevery file matches")
                .doesNotContain("${DEFAULT-VALUE}");
        out.getBuffer().setLength(0);
        assertThat(run("man")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains(".SH COMMANDS\n").contains("\\fBpush\\-image\\fR");
        assertThat(run("man", "no-such")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no command 'no-such'");
        assertThat(ManPageCommand.escape(".starts with a dot\\")).isEqualTo("\\&.starts with a dot\\e");
    }
}
