package io.jenkins.plugins.securepipeline.cli;

import io.jenkins.plugins.securepipeline.aws.AwsClientSettings;
import io.jenkins.plugins.securepipeline.aws.AwsClients;
import io.jenkins.plugins.securepipeline.window.BlackoutCalendar;
import io.jenkins.plugins.securepipeline.window.BlackoutGate;
import io.jenkins.plugins.securepipeline.window.BreakGlass;
import io.jenkins.plugins.securepipeline.window.CalendarLoader;
import io.jenkins.plugins.securepipeline.window.ChangeCalendarState;
import io.jenkins.plugins.securepipeline.window.ChangeCalendarStates;
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
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.ssm.SsmClient;

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
            description = "Region of the AWS SSM Change Calendars that changeCalendar windows name (default: AWS_REGION, "
                    + "AWS_DEFAULT_REGION, then the region of AWS_PROFILE). Credentials: the SDK default chain. Without a "
                    + "region such windows close the gate.")
    private String ssmRegion;

    @Option(names = "--ssm-endpoint", paramLabel = "URL",
            description = "SSM endpoint, e.g. a PrivateLink VPC endpoint (default: AWS_ENDPOINT_URL_SSM).")
    private URI ssmEndpoint;

    @CommandLine.Mixin
    private TimeoutOption network = new TimeoutOption();

    private static final Instant EARLIEST_AT = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST_AT = Instant.parse("9999-12-31T23:59:59Z");

    private final Clock clock;
    private final Supplier<AwsCredentialsProvider> credentials;

    private final Map<String, String> environment;

    /** The command as the CLI runs it: system clock, the AWS SDK's default credential chain for SSM. */
    public GateWindowCommand() {
        this(Clock.systemUTC(), () -> DefaultCredentialsProvider.builder().build(), System.getenv());
    }

    GateWindowCommand(Clock clock, Supplier<AwsCredentialsProvider> credentials) {
        this(clock, credentials, Map.of());
    }

    /** @param environment where AWS_REGION, AWS_ENDPOINT_URL_SSM and AWS_PROFILE are read (tests pass their own) */
    GateWindowCommand(Clock clock, Supplier<AwsCredentialsProvider> credentials, Map<String, String> environment) {
        this.clock = clock;
        this.credentials = credentials;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        Instant instant = at == null ? clock.instant() : parseInstant(at);
        Duration period = upcoming == null ? null : parsePeriod(upcoming);
        GatePolicy policy = new GatePolicy(failOpen, breakGlass());
        String region = ssmRegion != null ? ssmRegion : firstSet("AWS_REGION", "AWS_DEFAULT_REGION");
        if (ssmEndpoint != null && region == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ssm-endpoint needs --ssm-region (or AWS_REGION)");
        }
        // Checked now (a usage error), used only if the calendar names a Change Calendar: most runs never call AWS.
        LazySsm changeCalendars = new LazySsm(region == null ? null : ssmSettings(region));
        try {
            ImportSources imports = CliImportSources.of(instant, period == null ? Duration.ZERO : period, changeCalendars,
                    changeCalendars::requireRegion, network.value());
            return decide(instant, period, policy, imports);
        } finally {
            changeCalendars.close();
        }
    }

    private AwsClientSettings ssmSettings(String region) {
        try {
            AwsClientSettings.Builder settings = network.applyTo(AwsClientSettings.builder(region));
            if (ssmEndpoint != null) {
                AwsEndpoints.override(settings, "ssm", ssmEndpoint, "--ssm-endpoint");
            } else if (firstSet("AWS_ENDPOINT_URL_SSM") != null) {
                AwsEndpoints.override(settings, "ssm", firstSet("AWS_ENDPOINT_URL_SSM"), "AWS_ENDPOINT_URL_SSM");
            }
            return settings.build();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new CommandLine.ParameterException(spec.commandLine(), message.startsWith("region:")
                    ? (ssmRegion != null ? "--ssm-region" : "AWS_REGION") + message.substring("region".length())
                    : message);
        }
    }

    /**
     * The SSM client, made on the first Change Calendar question and closed after the decision. Without a region from
     * the command line or the environment, the AWS profile's region is tried; without any, the window cannot be
     * checked and closes the gate with a message saying so.
     */
    private final class LazySsm implements ChangeCalendarStates {
        private AwsClientSettings settings;
        private SsmClient ssm;

        LazySsm(AwsClientSettings settings) {
            this.settings = settings;
        }

        /** At load time: a calendar that names a Change Calendar nobody can ask is invalid (exit 3, gate closed). */
        synchronized void requireRegion(String nameOrArn) {
            if (settings == null) {
                String profileRegion = profileRegion();
                if (profileRegion == null) {
                    throw new InvalidCalendarException("Change Calendar '" + nameOrArn + "' cannot be checked: no AWS "
                            + "region is configured for SSM (give --ssm-region, or set AWS_REGION or an AWS_PROFILE "
                            + "with a region), so the gate stays closed");
                }
                settings = ssmSettings(profileRegion);
            }
        }

        @Override
        public synchronized ChangeCalendarState stateAt(String nameOrArn, Instant at) {
            if (ssm == null) {
                requireRegion(nameOrArn);
                ssm = new AwsClients(settings).ssm(credentials.get());
            }
            return new SsmChangeCalendar(ssm).stateAt(nameOrArn, at);
        }

        private String profileRegion() {
            String profile = firstSet("AWS_PROFILE");
            if (profile == null) {
                return null;
            }
            try {
                return new AwsProfileRegionProvider(null, profile).getRegion().id();
            } catch (RuntimeException e) {
                return null;
            }
        }

        synchronized void close() {
            if (ssm != null) {
                ssm.close();
            }
        }
    }

    private String firstSet(String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
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
        Instant instant;
        try {
            instant = Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text));
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at '" + text
                    + "' is not an ISO-8601 instant with offset, e.g. 2026-12-24T10:00:00+01:00 or 2026-12-24T09:00:00Z");
        }
        // Calendars and listings count days from here; the far past and future only overflow the arithmetic.
        if (instant.isBefore(EARLIEST_AT) || instant.isAfter(LATEST_AT)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at '" + text
                    + "' is outside the years 1970 to 9999 that a change decision can be about");
        }
        return instant;
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
