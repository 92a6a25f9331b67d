package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.ProductInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
        exitCodeOnInvalidInput = ExitCodes.USAGE)
public final class SecurePipelineCommand implements Runnable {
    /** Every subcommand, in the order help lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("assume-role", AssumeRoleCommand.class);
        commands.put("scan-template", ScanTemplateCommand.class);
        commands.put("hash", HashCommand.class);
        commands.put("verify-hash", VerifyHashCommand.class);
        commands.put("gate-window", GateWindowCommand.class);
        commands.put("push-image", io.jenkins.plugins.securepipeline.cli.image.PushImageCommand.class);
        commands.put("verify-image", io.jenkins.plugins.securepipeline.cli.image.VerifyImageCommand.class);
        commands.put("copy-image", io.jenkins.plugins.securepipeline.cli.image.CopyImageCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * Builds only the subcommand that is run, when the first argument names one: a one-shot CLI run should not
     * pay for the option models of all eight commands. Help, version and errors get the full command line.
     */
    public static void main(String[] args) {
        if (args.length > 0 && DigestWarmUp.COMMANDS.contains(args[0])) {
            DigestWarmUp.start();
        }
        System.exit(forArguments(args).execute(args));
    }

    static CommandLine forArguments(String[] args) {
        Class<?> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        return only == null ? newCommandLine()
                : withOutput(new CommandLine(new SecurePipelineCommand()).addSubcommand(args[0], only));
    }

    /** The configured command line, shared by {@link #main} and the tests so both see the same behaviour. */
    public static CommandLine newCommandLine() {
        return withOutput(withAllSubcommands(new CommandLine(new SecurePipelineCommand())));
    }

    /** Adds every subcommand, created by the command line's own factory (tests pass one that injects clients). */
    static CommandLine withAllSubcommands(CommandLine commandLine) {
        SUBCOMMANDS.forEach(commandLine::addSubcommand);
        return commandLine;
    }

    private static CommandLine withOutput(CommandLine commandLine) {
        // Checksum files and reports are UTF-8 whatever the locale (Java 17 would otherwise use it for stdout).
        commandLine.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        commandLine.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        return commandLine;
    }

    /** For tests: subcommands that read the environment see {@code environment} instead of the process's. */
    static CommandLine newCommandLine(Map<String, String> environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return withAllSubcommands(new CommandLine(new SecurePipelineCommand(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == AssumeRoleCommand.class ? (K) new AssumeRoleCommand(environment) : defaults.create(type);
            }
        }));
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
