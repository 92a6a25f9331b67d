package io.jenkins.plugins.securepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import picocli.CommandLine;

class GateWindowCommandTest {
    private static final String CALENDAR = """
            timeZone: Europe/Amsterdam
            windows:
              - name: morning-peak
                kind: deny
                cron: "0 9 * * 1-5"
                duration: 1h
              - name: year-end
                kind: deny
                from: 2026-12-20T00:00
                to: 2027-01-04T00:00
            """;

    @TempDir
    Path dir;
    private Path calendar;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials =
            software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create();
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:30:00Z"), ZoneOffset.UTC); // Mon 09:30 CET

    @BeforeEach
    void writeCalendar() throws Exception {
        calendar = dir.resolve("calendar.yaml");
        Files.writeString(calendar, CALENDAR);
    }

    private int run(String... args) {
        CommandLine cli = SecurePipelineCommand.withHandlers(SecurePipelineCommand.withAllSubcommands(
                new CommandLine(new SecurePipelineCommand(), new CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> type) throws Exception {
                        if (type == GateWindowCommand.class) {
                            return type.cast(new GateWindowCommand(clock, () -> credentials, environment));
                        }
                        return CommandLine.defaultFactory().create(type);
                    }
                })));
        return CapturedRun.execute(cli, out, err, args);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void closedNowExitsOneWithTheReasonAndWhenItOpens() {
        assertThat(run("gate-window", "--calendar", calendar.toString())).isEqualTo(ExitCodes.BLOCKED);
        assertThat(out.toString()).startsWith("CLOSED at 2026-11-23T09:30:00+01:00\n")
                .contains("deny window 'morning-peak' is active (2026-11-23T09:00:00+01:00 to 2026-11-23T10:00:00+01:00)")
                .contains("closed until: 2026-11-23T10:00:00+01:00")
                .contains("next closure: 2026-11-24T09:00:00+01:00");
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2026-12-24T10:00:00+01:00", "--format", "json"))
                .isEqualTo(ExitCodes.BLOCKED);
        JsonNode json = json();
        assertThat(json.get("decision").asText()).isEqualTo("CLOSED");
        assertThat(json.get("at").asText()).isEqualTo("2026-12-24T10:00:00+01:00");
        assertThat(json.get("reasons")).hasSize(1);
        JsonNode reason = json.get("reasons").get(0);
        assertThat(reason.get("window").asText()).isEqualTo("year-end");
        assertThat(reason.get("kind").asText()).isEqualTo("deny");
        assertThat(reason.get("start").asText()).isEqualTo("2026-12-20T00:00:00+01:00");
        assertThat(reason.get("end").asText()).isEqualTo("2027-01-04T00:00:00+01:00");
        assertThat(json.get("closedUntil").asText()).isEqualTo("2027-01-04T00:00:00+01:00");
        assertThat(json.get("nextClosure").asText()).isEqualTo("2027-01-04T09:00:00+01:00");
    }

    @Test
    void openExitsZeroWithNullClosedUntil() throws Exception {
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2026-11-23T12:00:00Z", "--format", "json"))
                .isEqualTo(ExitCodes.OK);
        JsonNode json = json();
        assertThat(json.get("decision").asText()).isEqualTo("OPEN");
        assertThat(json.get("closedUntil").isNull()).isTrue();
        assertThat(json.get("reasons")).isEmpty();
        assertThat(json.get("nextClosure").asText()).isEqualTo("2026-11-24T09:00:00+01:00");
    }

    @Test
    void upcomingListsAPeriodAsTimelineAndAsJson() throws Exception {
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2026-12-17T12:00:00Z", "--upcoming", "14d"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("Windows from Thu 2026-12-17 13:00 +01:00 to Thu 2026-12-31 13:00 +01:00 (Europe/Amsterdam)")
                .contains("Fri 2026-12-18  ..................##............................")
                .contains("Sun 2026-12-20  ################################################")
                .contains("00:00 - Mon 01-04 00:00 deny  year-end");
        out.getBuffer().setLength(0);
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2026-12-17T12:00:00Z", "--upcoming", "14d",
                "--format", "json")).isEqualTo(ExitCodes.OK);
        JsonNode upcoming = json().get("upcoming");
        // Peaks on the 18th, 21st-25th and 28th-31st (listed even inside the freeze), plus year-end.
        assertThat(upcoming).hasSize(11);
        assertThat(upcoming.get(0).get("window").asText()).isEqualTo("morning-peak");
        assertThat(upcoming.get(1).get("window").asText()).isEqualTo("year-end");
    }

    @Test
    void invalidCalendarExitsThreeAndPrintsAClosedDecision() throws Exception {
        Files.writeString(calendar, "timeZone: Europe/Amsterdm\nwindows: []\n");
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--format", "json")).isEqualTo(ExitCodes.INVALID_INPUT);
        JsonNode json = json();
        assertThat(json.get("decision").asText()).isEqualTo("CLOSED");
        assertThat(json.get("reasons").get(0).get("kind").asText()).isEqualTo("error");
        assertThat(json.get("reasons").get(0).get("message").asText()).contains("calendar.yaml:1: field 'timeZone': unknown time zone");
        assertThat(err.toString()).contains("invalid calendar:").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingCalendarFileExitsThree() {
        assertThat(run("gate-window", "--calendar", dir.resolve("nope.yaml").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString()).startsWith("CLOSED").contains("no such file");
    }

    @Test
    void changeCalendarWithoutAwsAccessIsAClearFailClosedError() throws Exception {
        Files.writeString(calendar, "windows:\n  - {name: aws, kind: deny, changeCalendar: prod-freeze}\n");
        assertThat(run("gate-window", "--calendar", calendar.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString()).startsWith("CLOSED").contains("Change Calendar 'prod-freeze' cannot be checked: no AWS "
                + "region is configured for SSM (give --ssm-region, or set AWS_REGION or an AWS_PROFILE with a region)");
    }

    @Test
    void changeCalendarCheckedThroughSsmWithTheRealSdk() throws Exception {
        try (LocalAwsEndpoint ssm = LocalAwsEndpoint.start("ssm", "eu-west-1")) {
            ssm.handler(request -> AwsResponse.json("{\"State\":\"CLOSED\",\"AtTime\":\"2026-11-23T12:00:00Z\","
                    + "\"NextTransitionTime\":\"2026-11-23T18:00:00Z\"}"));
            credentials = ssm.credentialsProvider();
            Files.writeString(calendar, "timeZone: UTC\nwindows:\n  - {name: aws, kind: deny, changeCalendar: prod-freeze}\n");
            assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2026-11-23T12:00:00Z", "--format", "json",
                    "--ssm-region", "eu-west-1", "--ssm-endpoint", ssm.uri().toString())).isEqualTo(ExitCodes.BLOCKED);
            JsonNode json = json();
            assertThat(json.get("reasons").get(0).get("window").asText()).isEqualTo("aws");
            assertThat(json.get("closedUntil").asText()).isEqualTo("2026-11-23T18:00:00Z");
            assertThat(ssm.requests()).isNotEmpty().allSatisfy(request -> assertThat(request.operation()).isEqualTo("GetCalendarState"));
            assertThat(ssm.requests().get(0).bodyText()).contains("\"CalendarNames\":[\"prod-freeze\"]").contains("2026-11-23T12:00:00Z");

            ssm.handler(request -> AwsResponse.jsonError(400, "AccessDeniedException", "not authorized to perform ssm:GetCalendarState"));
            out.getBuffer().setLength(0);
            assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2026-11-23T12:00:00Z",
                    "--ssm-region", "eu-west-1", "--ssm-endpoint", ssm.uri().toString())).isEqualTo(ExitCodes.BLOCKED);
            assertThat(out.toString()).startsWith("CLOSED")
                    .contains("error: Change Calendar 'prod-freeze': SSM refused GetCalendarState (AccessDeniedException: not authorized");
        }
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--ssm-endpoint", "http://127.0.0.1:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--ssm-endpoint needs --ssm-region");
    }

    @Test
    void theRegionAndEndpointComeFromTheEnvironmentLikeTheOtherCommands() throws Exception {
        try (LocalAwsEndpoint ssm = LocalAwsEndpoint.start("ssm", "eu-west-1")) {
            ssm.handler(request -> AwsResponse.json("{\"State\":\"OPEN\",\"AtTime\":\"2026-11-23T12:00:00Z\"}"));
            credentials = ssm.credentialsProvider();
            environment.put("AWS_REGION", "eu-west-1");
            environment.put("AWS_ENDPOINT_URL_SSM", ssm.uri().toString());
            Files.writeString(calendar, "timeZone: UTC\nwindows:\n  - {name: aws, kind: deny, changeCalendar: prod-freeze}\n");
            assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2026-11-23T12:00:00Z"))
                    .as(err::toString).isEqualTo(ExitCodes.OK);
            assertThat(ssm.requests()).hasSize(1);

            // A calendar without Change Calendars never builds an SSM client, whatever the environment says.
            Files.writeString(calendar, CALENDAR);
            environment.put("AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:1");
            assertThat(run("gate-window", "--calendar", calendar.toString())).isEqualTo(ExitCodes.BLOCKED);

            environment.put("AWS_ENDPOINT_URL_SSM", "http://ssm.example.com");
            err.getBuffer().setLength(0);
            assertThat(run("gate-window", "--calendar", calendar.toString())).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).startsWith("secure-pipeline gate-window: AWS_ENDPOINT_URL_SSM: 'http://ssm.example.com' "
                    + "must use https");
        }
    }

    @Test
    void extremeInstantsAndBadEndpointsAreOneLineUsageErrors() {
        for (String at : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z"}) {
            err.getBuffer().setLength(0);
            assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", at, "--upcoming", "90d"))
                    .as(at).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("--at '" + at + "' is outside the years 1970 to 9999")
                    .doesNotContain("internal error").doesNotContain("Exception");
        }
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "9999-12-31T23:00:00Z", "--upcoming", "90d"))
                .isIn(ExitCodes.OK, ExitCodes.BLOCKED);
        for (String endpoint : new String[] {"not a url", "ftp://x", "http://example.com", "https://ssm.example.com/?q=1"}) {
            err.getBuffer().setLength(0);
            assertThat(run("gate-window", "--calendar", calendar.toString(), "--ssm-region", "eu-west-1", "--ssm-endpoint",
                    endpoint)).as(endpoint).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).as(endpoint).contains("--ssm-endpoint").doesNotContain("Exception")
                    .doesNotContain("internal error").contains("Try 'secure-pipeline gate-window --help'");
        }
    }

    @Test
    void failOpenIsExplicitAndVisible() throws Exception {
        Files.writeString(calendar, "not: [valid\n");
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--fail-open", "--format", "json")).isEqualTo(ExitCodes.OK);
        assertThat(json().get("failedOpen").asBoolean()).isTrue();
        assertThat(json().get("decision").asText()).isEqualTo("OPEN");
    }

    @Test
    void breakGlassOpensAndIsRecorded() throws Exception {
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--break-glass-approver", "alice",
                "--break-glass-reason", "INC-42 hotfix", "--format", "json")).isEqualTo(ExitCodes.OK);
        JsonNode json = json();
        assertThat(json.get("decision").asText()).isEqualTo("OPEN");
        assertThat(json.get("calendarDecision").asText()).isEqualTo("CLOSED");
        assertThat(json.get("breakGlass").get("approver").asText()).isEqualTo("alice");
        assertThat(json.get("breakGlass").get("reason").asText()).isEqualTo("INC-42 hotfix");
        assertThat(json.get("reasons").get(0).get("window").asText()).isEqualTo("morning-peak");
    }

    @Test
    void icsFileNextToTheCalendarIsImported() throws Exception {
        Files.writeString(dir.resolve("holidays.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
                "BEGIN:VEVENT", "UID:k", "SUMMARY:King's Day", "DTSTART;VALUE=DATE:20270427", "RRULE:FREQ=YEARLY",
                "END:VEVENT", "END:VCALENDAR", ""));
        Files.writeString(calendar, CALENDAR + "  - {name: holidays, kind: deny, ics: holidays.ics}\n");
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2027-04-27T12:00:00+02:00", "--format", "json"))
                .isEqualTo(ExitCodes.BLOCKED);
        JsonNode json = json();
        assertThat(json.get("reasons").get(0).get("window").asText()).isEqualTo("holidays");
        assertThat(json.get("closedUntil").asText()).isEqualTo("2027-04-28T00:00:00+02:00");
        assertThat(json.get("nextClosure").asText()).isEqualTo("2027-04-28T09:00:00+02:00");
    }

    @Test
    void invalidIcsIsAnInvalidCalendar() throws Exception {
        Files.writeString(dir.resolve("holidays.ics"), "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:k\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        Files.writeString(calendar, CALENDAR + "  - {name: holidays, kind: deny, ics: holidays.ics}\n");
        assertThat(run("gate-window", "--calendar", calendar.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(out.toString()).startsWith("CLOSED")
                .contains("calendar.yaml:11: window 'holidays': field 'ics': holidays.ics:2: event 'k' has no DTSTART");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("gate-window")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required option: '--calendar=FILE'");
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "tomorrow")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--at 'tomorrow' is not an ISO-8601 instant with offset");
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--at", "2026-12-24T10:00")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--upcoming", "two weeks")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--upcoming", "1000d")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--format", "xml")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("gate-window", "--calendar", calendar.toString(), "--break-glass-approver", "alice")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("break-glass needs both");
    }
}
