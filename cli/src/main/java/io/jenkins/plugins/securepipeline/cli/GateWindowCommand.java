package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.window.BlackoutCalendar;
import io.jenkins.plugins.securepipeline.window.BlackoutGate;
import io.jenkins.plugins.securepipeline.window.BreakGlass;
import io.jenkins.plugins.securepipeline.window.CalendarLoader;
import io.jenkins.plugins.securepipeline.window.DurationText;
import io.jenkins.plugins.securepipeline.window.GatePolicy;
import io.jenkins.plugins.securepipeline.window.ImportSources;
import io.jenkins.plugins.securepipeline.window.InvalidCalendarException;
import io.jenkins.plugins.securepipeline.window.SsmChangeCalendar;
import io.jenkins.plugins.securepipeline.window.UpcomingWindows;
import io.jenkins.plugins.securepipeline.window.WindowDecision;
import io.jenkins.plugins.securepipeline.window.WindowDecisionJson;
import io.jenkins.plugins.securepipeline.window.WindowDecisionText;
import io.jenkins.plugins.securepipeline.window.WindowUnavailableException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.ssm.SsmClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code secure-pipeline gate-window}: is a change allowed now (or at {@code --at}) by a freeze calendar?
 * Exit 0 open, 1 closed, 2 usage error, 3 invalid calendar (the decision printed is then CLOSED).
 */
@Command(
        name = "gate-window",
        mixinStandardHelpOptions = true,
        description = {"Decide whether a change may proceed under a change-freeze calendar."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:open", "1:closed", "2:usage error",
                "3:the calendar (or an import) could not be read or evaluated; the decision printed is CLOSED"},
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INVALID_INPUT)
public final class GateWindowCommand implements Callable<Integer> {
    enum Format { text, json }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--calendar", required = true, paramLabel = "FILE", description = "Calendar file (YAML).")
    private Path calendar;

    @Option(names = "--at", paramLabel = "ISO-INSTANT",
            description = "Decide at this instant (ISO-8601 with offset, e.g. 2026-12-24T10:00:00+01:00); default now.")
    private String at;

    @Option(names = "--upcoming", paramLabel = "DURATION", description = "Also list the windows of this period from the instant, e.g. 14d.")
    private String upcoming;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    private Format format;

    @Option(names = "--fail-open", description = "If the calendar cannot be evaluated, decide OPEN instead of CLOSED (recorded in the output).")
    private boolean failOpen;

    @Option(names = "--break-glass-approver", paramLabel = "NAME", description = "Override a closed gate: who approved it (needs --break-glass-reason).")
    private String breakGlassApprover;

    @Option(names = "--break-glass-reason", paramLabel = "TEXT", description = "Override a closed gate: why (needs --break-glass-approver).")
    private String breakGlassReason;

    @Option(names = "--ssm-region", paramLabel = "REGION",
            description = "Check changeCalendar windows with AWS SSM in this region (SDK default credentials). Without it they close the gate.")
    private String ssmRegion;

    @Option(names = "--ssm-endpoint", paramLabel = "URL", description = "SSM endpoint, e.g. a PrivateLink VPC endpoint (needs --ssm-region).")
    private URI ssmEndpoint;

    @CommandLine.Mixin
    private TimeoutOption network = new TimeoutOption();

    private final Clock clock;
    private final Supplier<AwsCredentialsProvider> credentials;

    /** The command as the CLI runs it: system clock, the AWS SDK's default credential chain for SSM. */
    public GateWindowCommand() {
        this(Clock.systemUTC(), () -> DefaultCredentialsProvider.builder().build());
    }

    GateWindowCommand(Clock clock, Supplier<AwsCredentialsProvider> credentials) {
        this.clock = clock;
        this.credentials = credentials;
    }

    @Override
    public Integer call() {
        Instant instant = at == null ? clock.instant() : parseInstant(at);
        Duration period = upcoming == null ? null : parsePeriod(upcoming);
        GatePolicy policy = new GatePolicy(failOpen, breakGlass());
        if (ssmEndpoint != null && ssmRegion == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ssm-endpoint needs --ssm-region");
        }
        SsmClient ssm = ssmRegion == null ? null : ssmClient();
        try {
            ImportSources imports = ssm == null
                    ? CliImportSources.withoutAws(instant, period == null ? Duration.ZERO : period, network.value())
                    : CliImportSources.withSsm(instant, period == null ? Duration.ZERO : period, new SsmChangeCalendar(ssm),
                            network.value());
            return decide(instant, period, policy, imports);
        } finally {
            if (ssm != null) {
                ssm.close();
            }
        }
    }

    private SsmClient ssmClient() {
        AwsClientSettings.Builder settings = network.applyTo(AwsClientSettings.builder(ssmRegion));
        if (ssmEndpoint != null) {
            settings.endpointOverride("ssm", ssmEndpoint);
        }
        try {
            return new AwsClients(settings.build()).ssm(credentials.get());
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot configure SSM: " + e.getMessage());
        }
    }

    private int decide(Instant instant, Duration period, GatePolicy policy, ImportSources imports) {
        PrintWriter out = spec.commandLine().getOut();

        BlackoutCalendar loaded;
        String problem;
        try {
            loaded = new CalendarLoader(imports).load(calendar);
            problem = null;
        } catch (InvalidCalendarException e) {
            loaded = null;
            problem = e.getMessage();
        } catch (RuntimeException e) {
            // A defect in reading must still end as a closed gate with a message, not a stack trace.
            loaded = null;
            problem = "cannot evaluate calendar " + calendar + ": " + e;
        }
        if (loaded == null) {
            WindowDecision decision = BlackoutGate.invalidCalendar(instant, problem, policy);
            print(out, decision, null, ZoneId.of("UTC"));
            spec.commandLine().getErr().println("invalid calendar: " + problem);
            return decision.isOpen() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
        }
        WindowDecision decision = BlackoutGate.decide(loaded, instant, policy);
        UpcomingWindows listing = null;
        if (period != null) {
            try {
                listing = UpcomingWindows.of(loaded, instant, period);
            } catch (WindowUnavailableException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("cannot list upcoming windows: " + e.getMessage());
            }
        }
        print(out, decision, listing, loaded.zone());
        return decision.isOpen() ? ExitCodes.OK : ExitCodes.BLOCKED;
    }

    private void print(PrintWriter out, WindowDecision decision, UpcomingWindows listing, ZoneId zone) {
        if (format == Format.json) {
            out.println(WindowDecisionJson.write(decision, listing, zone));
        } else {
            out.print(WindowDecisionText.write(decision, zone));
            if (listing != null) {
                out.println();
                out.print(listing.timeline());
            }
        }
        out.flush();
    }

    private BreakGlass breakGlass() {
        if (breakGlassApprover == null && breakGlassReason == null) {
            return null;
        }
        if (breakGlassApprover == null || breakGlassReason == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "break-glass needs both --break-glass-approver and --break-glass-reason");
        }
        try {
            return new BreakGlass(breakGlassApprover, breakGlassReason);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Instant parseInstant(String text) {
        try {
            return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text));
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at '" + text
                    + "' is not an ISO-8601 instant with offset, e.g. 2026-12-24T10:00:00+01:00 or 2026-12-24T09:00:00Z");
        }
    }

    private Duration parsePeriod(String text) {
        try {
            Duration period = DurationText.parse(text);
            if (period.compareTo(UpcomingWindows.MAX_PERIOD) > 0) {
                throw new IllegalArgumentException("at most " + UpcomingWindows.MAX_PERIOD.toDays() + "d");
            }
            return period;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--upcoming: " + e.getMessage());
        }
    }
}
