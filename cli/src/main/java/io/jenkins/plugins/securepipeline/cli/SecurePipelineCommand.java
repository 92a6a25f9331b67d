package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.ProductInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code secure-pipeline} command. Each engine adds its own subcommand here; exit codes are part of the
 * contract that scripts and the Jenkins steps rely on (see {@link ExitCodes}).
 */
@Command(
        name = "secure-pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = SecurePipelineCommand.Version.class,
        description = "Promote containers and templates into AWS accounts safely, without long-lived AWS keys.",
        subcommands = {
                AssumeRoleCommand.class,
                ScanTemplateCommand.class,
                HashCommand.class,
                VerifyHashCommand.class,
                GateWindowCommand.class,
                io.jenkins.plugins.securepipeline.cli.image.PushImageCommand.class,
                io.jenkins.plugins.securepipeline.cli.image.VerifyImageCommand.class,
                io.jenkins.plugins.securepipeline.cli.image.CopyImageCommand.class,
        },
        exitCodeOnInvalidInput = ExitCodes.USAGE)
public final class SecurePipelineCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests so both see the same behaviour. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new SecurePipelineCommand());
        // Checksum files and reports are UTF-8 whatever the locale (Java 17 would otherwise use it for stdout).
        commandLine.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        commandLine.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        return commandLine;
    }

    /** For tests: subcommands that read the environment see {@code environment} instead of the process's. */
    static CommandLine newCommandLine(java.util.Map<String, String> environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine(new SecurePipelineCommand(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == AssumeRoleCommand.class ? (K) new AssumeRoleCommand(environment) : defaults.create(type);
            }
        });
    }

    @Override
    public void run() {
        // No subcommand given: show what is available rather than doing nothing silently.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            ProductInfo info = ProductInfo.current();
            return new String[] {info.name() + " " + info.version()};
        }
    }
}
