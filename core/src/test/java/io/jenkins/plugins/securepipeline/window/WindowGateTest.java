package io.jenkins.plugins.securepipeline.window;

import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowGateTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(utc("2026-11-23T09:30:00Z"), ZoneOffset.UTC);
    private final BlackoutGate gate = new BlackoutGate(new CalendarLoader(), clock);

    private Path calendar(String yaml) throws Exception {
        Path file = dir.resolve("calendar.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void decidesNowByTheInjectedClock() throws Exception {
        Path file = calendar("timeZone: UTC\nwindows:\n  - {name: peak, kind: deny, cron: \"0 9 * * 1-5\", duration: 1h}\n");
        WindowDecision decision = gate.decideNow(file, GatePolicy.failClosed());
        assertThat(decision.at()).isEqualTo(clock.instant());
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
    }

    @Test
    void invalidCalendarFailsClosedWithTheReason() throws Exception {
        Path file = calendar("timeZone: Mars/Olympus\nwindows: []\n");
        WindowDecision decision = gate.decideNow(file, GatePolicy.failClosed());
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.hasErrors()).isTrue();
        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo("error");
            assertThat(reason.message()).contains("calendar.yaml:1: field 'timeZone': unknown time zone 'Mars/Olympus'");
        });
        assertThat(decision.closedUntil()).isNull();
    }

    @Test
    void missingCalendarFailsClosed() {
        WindowDecision decision = gate.decideNow(dir.resolve("nope.yaml"), GatePolicy.failClosed());
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons().get(0).message()).contains("no such file");
    }

    @Test
    void failOpenOnlyWhenExplicitlyAskedAndItIsRecorded() {
        WindowDecision decision = gate.decideNow(dir.resolve("nope.yaml"), new GatePolicy(true, null));
        assertThat(decision.state()).isEqualTo(GateState.OPEN);
        assertThat(decision.calendarState()).isEqualTo(GateState.CLOSED);
        assertThat(decision.failedOpen()).isTrue();
        assertThat(decision.reasons().get(0).kind()).isEqualTo("error");
    }

    private static BlackoutWindow unreachable(String name) {
        return new BlackoutWindow(name, WindowKind.DENY, java.time.ZoneId.of("UTC"), new WindowSchedule() {
            @Override
            public Iterator<TimeSpan> spansEndingAfter(Instant from) {
                throw new WindowUnavailableException("Change Calendar 'freeze' unreachable: connection refused");
            }

            @Override
            public String describe() {
                return "unreachable";
            }
        });
    }

    @Test
    void unavailableWindowClosesTheGateUnlessFailingOpen() {
        BlackoutCalendar calendar = new BlackoutCalendar("test", java.time.ZoneId.of("UTC"), List.of(unreachable("aws-freeze")));
        WindowDecision closed = BlackoutGate.decide(calendar, utc("2026-11-23T12:00:00Z"), GatePolicy.failClosed());
        assertThat(closed.state()).isEqualTo(GateState.CLOSED);
        assertThat(closed.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.window()).isEqualTo("aws-freeze");
            assertThat(reason.message()).contains("unreachable");
        });
        WindowDecision open = BlackoutGate.decide(calendar, utc("2026-11-23T12:00:00Z"), new GatePolicy(true, null));
        assertThat(open.state()).isEqualTo(GateState.OPEN);
        assertThat(open.failedOpen()).isTrue();
    }

    @Test
    void breakGlassOpensAClosedGateAndIsRecorded() throws Exception {
        Path file = calendar("timeZone: UTC\nwindows:\n  - {name: peak, kind: deny, cron: \"0 9 * * 1-5\", duration: 1h}\n");
        BreakGlass override = new BreakGlass("alice@example.com", "hotfix for INC-42");
        WindowDecision decision = gate.decideNow(file, GatePolicy.failClosed().withBreakGlass(override));
        assertThat(decision.state()).isEqualTo(GateState.OPEN);
        assertThat(decision.calendarState()).isEqualTo(GateState.CLOSED);
        assertThat(decision.breakGlass()).isEqualTo(override);
        assertThat(decision.reasons()).extracting(WindowReason::window).containsExactly("peak");
        assertThat(decision.closedUntil()).isEqualTo(utc("2026-11-23T10:00:00Z"));
    }

    @Test
    void breakGlassIsNotRecordedWhenNothingWasOverridden() throws Exception {
        Path file = calendar("timeZone: UTC\nwindows: []\n");
        WindowDecision decision = gate.decideNow(file, GatePolicy.failClosed().withBreakGlass(new BreakGlass("alice", "why")));
        assertThat(decision.state()).isEqualTo(GateState.OPEN);
        assertThat(decision.breakGlass()).isNull();
    }

    @Test
    void breakGlassNeedsANamedApproverAndAReason() {
        assertThatThrownBy(() -> new BreakGlass(" ", "hotfix")).hasMessageContaining("non-empty approver");
        assertThatThrownBy(() -> new BreakGlass("alice", null)).hasMessageContaining("non-empty reason");
        assertThatThrownBy(() -> new BreakGlass("alice", "a\nb")).hasMessageContaining("control characters");
    }

    @Test
    void breakGlassAlsoOpensAFailedClosedGate() {
        WindowDecision decision = gate.decideNow(dir.resolve("nope.yaml"),
                GatePolicy.failClosed().withBreakGlass(new BreakGlass("bob", "calendar repo down, CAB approved")));
        assertThat(decision.state()).isEqualTo(GateState.OPEN);
        assertThat(decision.failedOpen()).isFalse();
        assertThat(decision.breakGlass().approver()).isEqualTo("bob");
    }
}
