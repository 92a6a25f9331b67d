package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.ProductInfo;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code secure-pipeline man [COMMAND]}: a man page (roff) written from the same command model as {@code --help},
 * so it never disagrees with the build: {@code secure-pipeline man push-image | man -l -}, or save it as
 * {@code secure-pipeline-push-image.1} in a man directory.
 */
@Command(name = "man", mixinStandardHelpOptions = true,
        description = {"Print the man page (roff) of secure-pipeline or of one of its commands.",
                "Read it with: secure-pipeline man push-image | man -l -"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:page printed", "2:usage error (no such command)"})
public final class ManPageCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "The command; none for secure-pipeline itself.")
    private String command;

    @Override
    public Integer call() {
        CommandLine all = SecurePipelineCommand.newCommandLine();
        CommandLine page = command == null ? all : all.getSubcommands().get(command);
        if (page == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no command '" + command + "'; the commands are "
                    + String.join(", ", all.getSubcommands().keySet()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(page.getCommandSpec()));
        out.flush();
        return ExitCodes.OK;
    }

    /** The roff text of one command's page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, COMMANDS, EXIT STATUS. */
    static String render(CommandSpec command) {
        String name = command.qualifiedName(" ");
        String pageName = name.replace(' ', '-');
        StringBuilder roff = new StringBuilder();
        roff.append(".TH \"").append(pageName.toUpperCase(Locale.ROOT)).append("\" 1 \"\" \"")
                .append(escape(ProductInfo.current().name() + " " + ProductInfo.current().version()))
                .append("\" \"User Commands\"\n");
        String[] description = command.usageMessage().description();
        roff.append(".SH NAME\n").append(escape(pageName)).append(" \\- ")
                .append(escape(description.length == 0 ? "" : description[0])).append('\n');
        // One paragraph: man fills it to the reader's width (picocli would cut it for 80 columns, inside words).
        command.usageMessage().width(10_000);
        roff.append(".SH SYNOPSIS\n").append(escape(new CommandLine.Help(command, CommandLine.Help.defaultColorScheme(
                CommandLine.Help.Ansi.OFF)).synopsis(0).strip().replaceAll("\\s+", " "))).append('\n');
        if (description.length > 1) {
            roff.append(".SH DESCRIPTION\n");
            for (int i = 1; i < description.length; i++) {
                roff.append(escape(description[i])).append("\n.PP\n");
            }
        }
        if (!command.positionalParameters().isEmpty() || !command.options().isEmpty()) {
            roff.append(".SH OPTIONS\n");
            for (PositionalParamSpec parameter : command.positionalParameters()) {
                roff.append(".TP\n\\fI").append(escape(parameter.paramLabel())).append("\\fR\n")
                        .append(escape(String.join(" ", parameter.description()))).append('\n');
            }
            for (OptionSpec option : command.options()) {
                roff.append(".TP\n");
                String[] names = option.names();
                for (int i = 0; i < names.length; i++) {
                    roff.append(i == 0 ? "" : ", ").append("\\fB").append(escape(names[i])).append("\\fR");
                }
                if (option.arity().max() > 0) {
                    roff.append("=\\fI").append(escape(option.paramLabel())).append("\\fR");
                }
                roff.append('\n').append(escape(String.join(" ", option.description())
                        .replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()))
                        .replace("${COMPLETION-CANDIDATES}", candidates(option)))).append('\n');
            }
        }
        if (!command.subcommands().isEmpty()) {
            roff.append(".SH COMMANDS\n");
            command.subcommands().forEach((subcommand, line) -> {
                String[] summary = line.getCommandSpec().usageMessage().description();
                roff.append(".TP\n\\fB").append(escape(subcommand)).append("\\fR\n")
                        .append(escape(summary.length == 0 ? "" : summary[0])).append('\n');
            });
        }
        if (!command.usageMessage().exitCodeList().isEmpty()) {
            roff.append(".SH \"EXIT STATUS\"\n");
            command.usageMessage().exitCodeList().forEach((code, meaning) ->
                    roff.append(".TP\n\\fB").append(escape(code.strip())).append("\\fR\n").append(escape(meaning)).append('\n'));
        }
        roff.append(".SH \"SEE ALSO\"\n").append(command.parent() == null ? "secure-pipeline-COMMAND(1), "
                + "secure-pipeline COMMAND --help" : "secure-pipeline(1)").append('\n');
        return roff.toString();
    }

    private static String candidates(OptionSpec option) {
        Iterable<String> values = option.completionCandidates();
        return values == null ? "" : String.join(", ", values);
    }

    /** Text as roff shows it: backslashes escaped, minus signs literal, no line read as a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-").replace("%n", " ");
        StringBuilder lines = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return lines.toString();
    }
}
