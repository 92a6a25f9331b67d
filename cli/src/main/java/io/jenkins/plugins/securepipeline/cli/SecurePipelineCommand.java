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
        commands.put("guard-test", GuardTestCommand.class);
        commands.put("hash", HashCommand.class);
        commands.put("verify-hash", VerifyHashCommand.class);
        commands.put("gate-window", GateWindowCommand.class);
        commands.put("push-image", io.jenkins.plugins.securepipeline.cli.image.PushImageCommand.class);
        commands.put("verify-image", io.jenkins.plugins.securepipeline.cli.image.VerifyImageCommand.class);
        commands.put("copy-image", io.jenkins.plugins.securepipeline.cli.image.CopyImageCommand.class);
        commands.put("completion", CompletionCommand.class);
        commands.put("man", ManPageCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * Builds only the subcommand that is run, when the first argument names one: a one-shot CLI run should not
     * pay for the option models of all nine commands. Help, version and errors get the full command line.
     */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(SecurePipelineCommand::uncaught);
        if (args.length > 0 && DigestWarmUp.COMMANDS.contains(args[0])) {
            DigestWarmUp.start();
        }
        int exit;
        try {
            exit = forArguments(args).execute(args);
        } catch (OutOfMemoryError e) {
            exit = outOfMemory();
        } catch (Throwable e) {
            System.err.println("secure-pipeline: internal error: " + describe(e));
            exit = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(exit);
    }

    /** Out of memory: one line and exit 6, never the JVM's stack trace (and never exit 1, "blocked"). */
    static int outOfMemory() {
        System.err.println("secure-pipeline: out of memory (heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MiB); give the JVM more, e.g. SECURE_PIPELINE_JAVA_OPTS=-Xmx512m with the launcher");
        return ExitCodes.INTERNAL_ERROR;
    }

    /** A background thread that fails prints one line; out of memory ends the run, as it would on the main thread. */
    private static void uncaught(Thread thread, Throwable error) {
        if (error instanceof OutOfMemoryError) {
            System.err.flush();
            Runtime.getRuntime().halt(outOfMemory());
        }
        System.err.println("secure-pipeline: internal error in " + thread.getName() + ": " + describe(error));
    }

    /** The message of an unexpected failure; its class and stack only with SECURE_PIPELINE_DEBUG set. */
    static String describe(Throwable error) {
        if (System.getenv("SECURE_PIPELINE_DEBUG") != null) {
            error.printStackTrace();
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? "no details (set SECURE_PIPELINE_DEBUG=1 for them)"
                : message.replaceAll("[\\r\\n]+", " ");
    }

    /**
     * A failure a command did not handle: one line naming the command, and its exit code for unexpected failures if
     * it has one (gate-window: 3, the gate closed), else 6. Picocli's default would print a stack trace and exit 1,
     * which means "blocked".
     */
    static int unexpectedFailure(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println(commandLine.getCommandName() + ": internal error: " + describe(error));
        commandLine.getErr().flush();
        int configured = commandLine.getCommandSpec().exitCodeOnExecutionException();
        return configured == ExitCodes.BLOCKED ? ExitCodes.INTERNAL_ERROR : configured;
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

    /**
     * One line for every error: a usage error names the problem and points to --help (the whole help would bury the
     * line that matters), an unexpected failure names the command and never shows a stack trace.
     */
    static CommandLine withHandlers(CommandLine commandLine) {
        commandLine.setExecutionExceptionHandler(SecurePipelineCommand::unexpectedFailure);
        commandLine.setParameterExceptionHandler(SecurePipelineCommand::usageError);
        // Picocli's own URI conversion would name java.net.URISyntaxException in the message.
        commandLine.registerConverter(java.net.URI.class, text -> {
            try {
                return new java.net.URI(text.strip());
            } catch (java.net.URISyntaxException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a URL (" + e.getReason() + ")");
            }
        });
        return commandLine;
    }

    static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        java.io.PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static CommandLine withOutput(CommandLine commandLine) {
        withHandlers(commandLine);
        // Checksum files and reports are UTF-8 whatever the locale (Java 17 would otherwise use it for stdout).
        commandLine.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        commandLine.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        return commandLine;
    }

    /** For tests: subcommands that read the environment see {@code environment} instead of the process's. */
    static CommandLine newCommandLine(Map<String, String> environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return withHandlers(withAllSubcommands(new CommandLine(new SecurePipelineCommand(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == AssumeRoleCommand.class ? (K) new AssumeRoleCommand(environment) : defaults.create(type);
            }
        })));
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
