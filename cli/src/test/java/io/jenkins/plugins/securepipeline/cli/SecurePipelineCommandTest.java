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
        CommandLine cli = SecurePipelineCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
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
        assertThat(SecurePipelineCommand.forArguments(new String[] {"--help"}).getSubcommands()).hasSize(9);
        assertThat(SecurePipelineCommand.forArguments(new String[] {"no-such-command"}).getSubcommands()).hasSize(9);
    }
}
