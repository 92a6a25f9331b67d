package io.jenkins.plugins.securepipeline.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowCalendarSetTest {
    private static final CalendarLoader LOADER = new CalendarLoader();

    private static CalendarSet.Member calendar(String name, String windows) {
        return CalendarSet.Member.loaded(name, LOADER.parse("timeZone: UTC\nwindows:\n" + windows, name, null), false);
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void closedWhenAnyMemberIsClosed() {
        CalendarSet set = new CalendarSet(List.of(
                calendar("quiet", "  - {name: none, kind: deny, from: 2030-01-01T00:00, to: 2030-01-02T00:00}\n"),
                calendar("freeze", "  - {name: release, kind: deny, from: 2026-11-23T10:00, to: 2026-11-23T11:00}\n")));
        WindowDecision decision = set.decide(at("2026-11-23T10:15:00Z"), null);
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons()).extracting(WindowReason::window).containsExactly("release");
        assertThat(decision.closedUntil()).isEqualTo(at("2026-11-23T11:00:00Z"));
    }

    @Test
    void allowWindowsOfDifferentCalendarsDoNotWidenEachOther() {
        // Merged into one calendar, these two allow windows would make 09:00-17:00 open; as two calendars,
        // each closes outside its own window, so only 12:00-13:00 is open.
        CalendarSet set = new CalendarSet(List.of(
                calendar("office", "  - {name: office-hours, kind: allow, from: 2026-11-23T09:00, to: 2026-11-23T13:00}\n"),
                calendar("ops", "  - {name: ops-on-call, kind: allow, from: 2026-11-23T12:00, to: 2026-11-23T17:00}\n")));
        assertThat(set.decide(at("2026-11-23T10:00:00Z"), null).state()).isEqualTo(GateState.CLOSED);
        assertThat(set.decide(at("2026-11-23T12:30:00Z"), null).state()).isEqualTo(GateState.OPEN);
        assertThat(set.decide(at("2026-11-23T14:00:00Z"), null).state()).isEqualTo(GateState.CLOSED);
        assertThat(set.decide(at("2026-11-23T10:00:00Z"), null).closedUntil()).isEqualTo(at("2026-11-23T12:00:00Z"));
    }

    @Test
    void closedUntilFollowsAClosureHandedFromOneCalendarToAnother() {
        CalendarSet set = new CalendarSet(List.of(
                calendar("a", "  - {name: first, kind: deny, from: 2026-11-23T10:00, to: 2026-11-23T11:00}\n"
                        + "  - {name: third, kind: deny, from: 2026-11-23T11:30, to: 2026-11-23T12:30}\n"),
                calendar("b", "  - {name: second, kind: deny, from: 2026-11-23T10:45, to: 2026-11-23T11:45}\n")));
        WindowDecision decision = set.decide(at("2026-11-23T10:15:00Z"), null);
        assertThat(decision.closedUntil()).isEqualTo(at("2026-11-23T12:30:00Z"));
    }

    @Test
    void openSetReportsTheEarliestNextClosure() {
        CalendarSet set = new CalendarSet(List.of(
                calendar("a", "  - {name: late, kind: deny, from: 2026-11-24T10:00, to: 2026-11-24T11:00}\n"),
                calendar("b", "  - {name: early, kind: deny, from: 2026-11-23T20:00, to: 2026-11-23T21:00}\n")));
        WindowDecision decision = set.decide(at("2026-11-23T10:00:00Z"), null);
        assertThat(decision.state()).isEqualTo(GateState.OPEN);
        assertThat(decision.nextClosure()).isEqualTo(at("2026-11-23T20:00:00Z"));
    }

    @Test
    void anUnreadableCalendarClosesTheSetUnlessItFailsOpen() {
        CalendarSet.Member broken = CalendarSet.Member.unreadable("holidays", "cannot fetch https://example.invalid/h.ics", false);
        WindowDecision closed = new CalendarSet(List.of(broken)).decide(at("2026-11-23T10:00:00Z"), null);
        assertThat(closed.state()).isEqualTo(GateState.CLOSED);
        assertThat(closed.hasErrors()).isTrue();
        assertThat(closed.reasons().get(0).message()).contains("holidays").contains("cannot fetch");

        CalendarSet.Member lenient = CalendarSet.Member.unreadable("holidays", "cannot fetch", true);
        WindowDecision open = new CalendarSet(List.of(lenient)).decide(at("2026-11-23T10:00:00Z"), null);
        assertThat(open.state()).isEqualTo(GateState.OPEN);
        assertThat(open.failedOpen()).isTrue();
    }

    @Test
    void breakGlassOpensAClosedSetAndIsRecordedOnlyThen() {
        CalendarSet set = new CalendarSet(List.of(
                calendar("freeze", "  - {name: release, kind: deny, from: 2026-11-23T10:00, to: 2026-11-23T11:00}\n")));
        BreakGlass override = new BreakGlass("alice", "hotfix for INC-42");
        WindowDecision inside = set.decide(at("2026-11-23T10:15:00Z"), override);
        assertThat(inside.state()).isEqualTo(GateState.OPEN);
        assertThat(inside.calendarState()).isEqualTo(GateState.CLOSED);
        assertThat(inside.breakGlass()).isEqualTo(override);

        WindowDecision outside = set.decide(at("2026-11-23T12:00:00Z"), override);
        assertThat(outside.state()).isEqualTo(GateState.OPEN);
        assertThat(outside.breakGlass()).isNull();
    }

    @Test
    void aMemberIsEitherLoadedOrUnreadable() {
        assertThatThrownBy(() -> new CalendarSet.Member("x", null, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarSet(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
