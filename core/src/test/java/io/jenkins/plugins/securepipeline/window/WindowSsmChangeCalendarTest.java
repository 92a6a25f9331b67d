package io.jenkins.plugins.securepipeline.window;

import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.utc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.securepipeline.aws.testing.AwsResponse;
import io.jenkins.plugins.securepipeline.aws.testing.LocalAwsEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The real SDK client against a local SSM endpoint that verifies SigV4 and answers GetCalendarState from a small
 * model of a calendar: CLOSED during the listed spans, OPEN otherwise (a DEFAULT_OPEN calendar), or the reverse.
 */
class WindowSsmChangeCalendarTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalAwsEndpoint endpoint;
    private SsmClient ssm;

    private SsmChangeCalendar start(Function<JsonNode, String> answer) {
        endpoint = LocalAwsEndpoint.start("ssm", "eu-west-1");
        endpoint.handler(request -> {
            if (!"GetCalendarState".equals(request.operation())) {
                return AwsResponse.jsonError(400, "InvalidAction", "unexpected " + request.operation());
            }
            try {
                String body = answer.apply(JSON.readTree(request.bodyText()));
                return body.startsWith("ERROR:") ? AwsResponse.jsonError(400, body.substring(6), "The specified calendar does not exist.")
                        : AwsResponse.json(body);
            } catch (java.io.IOException e) {
                return AwsResponse.jsonError(400, "SerializationException", e.getMessage());
            }
        });
        ssm = SsmClient.builder()
                .endpointOverride(endpoint.uri())
                .region(Region.of("eu-west-1"))
                .credentialsProvider(endpoint.credentialsProvider())
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(10)))
                .build();
        return new SsmChangeCalendar(ssm);
    }

    @AfterEach
    void stop() {
        if (ssm != null) {
            ssm.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /** A DEFAULT_OPEN calendar with closed events; answers as SSM does, with the next transition. */
    private static Function<JsonNode, String> defaultOpenWithEvents(List<Instant[]> closedEvents) {
        return request -> {
            Instant at = Instant.parse(request.get("AtTime").asText());
            for (Instant[] event : closedEvents) {
                if (!at.isBefore(event[0]) && at.isBefore(event[1])) {
                    return "{\"State\":\"CLOSED\",\"AtTime\":\"" + at + "\",\"NextTransitionTime\":\"" + event[1] + "\"}";
                }
            }
            Instant next = closedEvents.stream().map(event -> event[0]).filter(start -> start.isAfter(at)).sorted().findFirst().orElse(null);
            return "{\"State\":\"OPEN\",\"AtTime\":\"" + at + "\"" + (next == null ? "" : ",\"NextTransitionTime\":\"" + next + "\"") + "}";
        };
    }

    private BlackoutCalendar calendarWith(SsmChangeCalendar states) {
        CalendarImports imports = new CalendarImports(utc("2026-01-01T00:00:00Z"), utc("2029-01-01T00:00:00Z"), null, states);
        return new CalendarLoader(imports).parse("""
                timeZone: UTC
                windows:
                  - name: aws-freeze
                    kind: deny
                    changeCalendar: arn:aws:ssm:eu-west-1:111122223333:document/prod-freeze
                  - name: peak
                    kind: deny
                    cron: "0 9 * * *"
                    duration: 1h
                """, "calendar.yaml", Path.of("."));
    }

    @Test
    void closedChangeCalendarClosesTheGateUntilItsTransitionAndChainsWithOtherWindows() throws Exception {
        SsmChangeCalendar states = start(defaultOpenWithEvents(List.of(
                new Instant[] {utc("2026-12-01T06:00:00Z"), utc("2026-12-01T09:30:00Z")},
                new Instant[] {utc("2026-12-02T12:00:00Z"), utc("2026-12-02T13:00:00Z")})));
        WindowDecision decision = calendarWith(states).decide(utc("2026-12-01T07:00:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons()).extracting(WindowReason::window).containsExactly("aws-freeze");
        // The Change Calendar closure runs into the 09:00-10:00 peak: open at 10:00.
        assertThat(decision.closedUntil()).isEqualTo(utc("2026-12-01T10:00:00Z"));
        assertThat(decision.nextClosure()).isEqualTo(utc("2026-12-02T09:00:00Z"));

        JsonNode first = JSON.readTree(endpoint.requests().get(0).bodyText());
        assertThat(first.get("CalendarNames").get(0).asText()).isEqualTo("arn:aws:ssm:eu-west-1:111122223333:document/prod-freeze");
        assertThat(first.get("AtTime").asText()).isEqualTo("2026-12-01T07:00:00Z");
        assertThat(endpoint.rejected()).isEmpty();
    }

    @Test
    void openChangeCalendarReportsTheNextClosure() {
        SsmChangeCalendar states = start(defaultOpenWithEvents(List.<Instant[]>of(
                new Instant[] {utc("2026-12-01T12:00:00Z"), utc("2026-12-01T14:00:00Z")})));
        BlackoutCalendar calendar = calendarWith(states);
        WindowDecision decision = calendar.decide(utc("2026-12-01T10:30:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.OPEN);
        assertThat(decision.nextClosure()).isEqualTo(utc("2026-12-01T12:00:00Z"));
        assertThat(calendar.occurrences(utc("2026-12-01T10:30:00Z"), utc("2026-12-02T00:00:00Z")))
                .extracting(Occurrence::window, Occurrence::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aws-freeze", utc("2026-12-01T12:00:00Z")));
    }

    @Test
    void defaultClosedCalendarWithoutTransitionStaysClosed() {
        SsmChangeCalendar states = start(request -> "{\"State\":\"CLOSED\",\"AtTime\":\"" + request.get("AtTime").asText() + "\"}");
        WindowDecision decision = calendarWith(states).decide(utc("2026-12-01T10:30:00Z"));
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.closedUntil()).isNull();
        assertThat(decision.hasErrors()).isFalse();
    }

    @Test
    void unknownCalendarFailsClosedWithSsmsReason() {
        SsmChangeCalendar states = start(request -> "ERROR:InvalidDocument");
        WindowDecision decision = BlackoutGate.decide(calendarWith(states), utc("2026-12-01T10:30:00Z"), GatePolicy.failClosed());
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo("error");
            assertThat(reason.window()).isEqualTo("aws-freeze");
            assertThat(reason.message()).isEqualTo("Change Calendar 'arn:aws:ssm:eu-west-1:111122223333:document/prod-freeze':"
                    + " SSM refused GetCalendarState (InvalidDocument: The specified calendar does not exist.)");
        });
    }

    @Test
    void unreachableEndpointFailsClosedAndFailOpenIsExplicit() {
        SsmChangeCalendar states = start(request -> "{}");
        endpoint.close(); // nothing listens any more
        BlackoutCalendar calendar = calendarWith(states);
        WindowDecision closed = BlackoutGate.decide(calendar, utc("2026-12-01T10:30:00Z"), GatePolicy.failClosed());
        assertThat(closed.state()).isEqualTo(GateState.CLOSED);
        assertThat(closed.reasons().get(0).message()).startsWith("Change Calendar 'arn:aws:ssm:eu-west-1:111122223333:document/prod-freeze' is unreachable");
        WindowDecision open = BlackoutGate.decide(calendar, utc("2026-12-01T10:30:00Z"), new GatePolicy(true, null));
        assertThat(open.state()).isEqualTo(GateState.OPEN);
        assertThat(open.failedOpen()).isTrue();
        // The other windows still count when failing open: 09:xx is the peak.
        assertThat(BlackoutGate.decide(calendar, utc("2026-12-01T09:30:00Z"), new GatePolicy(true, null)).state())
                .isEqualTo(GateState.CLOSED);
    }

    @Test
    void changeCalendarMustBeADenyWindow() {
        CalendarImports imports = new CalendarImports(utc("2026-01-01T00:00:00Z"), utc("2029-01-01T00:00:00Z"), null,
                (name, at) -> new ChangeCalendarState(true, at, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CalendarLoader(imports).parse(
                "windows:\n  - {name: a, kind: allow, changeCalendar: x}\n", "c.yaml", Path.of(".")))
                .hasMessageContaining("c.yaml:2: window 'a': field 'kind': a Change Calendar window must be deny");
    }
}
