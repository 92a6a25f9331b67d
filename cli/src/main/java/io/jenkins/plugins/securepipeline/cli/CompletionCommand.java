package io.jenkins.plugins.securepipeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code secure-pipeline completion bash|zsh}: a completion script generated from the command model (picocli's
 * {@link AutoComplete}), so it always knows every subcommand and option of this build.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for bash or zsh.",
                "bash: source <(secure-pipeline completion bash), or save it in /etc/bash_completion.d/.",
                "zsh: source <(secure-pipeline completion zsh) in ~/.zshrc."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:script printed", "2:usage error (a shell other than bash or zsh)"})
public final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "bash|zsh", description = "The shell: ${COMPLETION-CANDIDATES}.")
    private Shell shell;

    @Override
    public Integer call() {
        // The full command line, whatever subcommand this run was built for.
        String script = AutoComplete.bash("secure-pipeline", SecurePipelineCommand.newCommandLine());
        PrintWriter out = spec.commandLine().getOut();
        if (shell == Shell.zsh) {
            // picocli's script runs in zsh through zsh's bash completion emulation.
            out.println("autoload -U +X compinit && compinit");
            out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        out.print(script);
        out.flush();
        return ExitCodes.OK;
    }
}
