package io.jenkins.plugins.securepipeline.window;

import static io.jenkins.plugins.securepipeline.window.WindowTestCalendars.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.securepipeline.net.HostileServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iCalendar imports through the calendar file: relative paths, and URLs from a server on 127.0.0.1. */
class WindowImportsTest {
    private static final Instant AT = utc("2026-12-24T10:00:00Z");
    private static final String HOLIDAYS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:xmas\r\nSUMMARY:Christmas\r\nDTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\n"
            + "RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/holidays.ics", exchange -> {
            requests.incrementAndGet();
            byte[] body = HOLIDAYS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/huge.ics", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 64; i++) {
                    exchange.getResponseBody().write(chunk);
                }
            } catch (java.io.IOException e) {
                // the client stopped reading: that is what the test expects
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private CalendarLoader loader(boolean urls) {
        return new CalendarLoader(CalendarImports.forDecisionsFrom(AT, Duration.ZERO,
                urls ? new IcsUrlFetcher(Duration.ofSeconds(5), 1 << 20) : null, null));
    }

    private Path calendar(String icsLocation) throws Exception {
        Path file = dir.resolve("calendar.yaml");
        Files.writeString(file, "timeZone: Europe/Amsterdam\nwindows:\n  - name: holidays\n    kind: deny\n    ics: \"" + icsLocation + "\"\n");
        return file;
    }

    @Test
    void icsFileNextToTheCalendar() throws Exception {
        Files.createDirectories(dir.resolve("ical"));
        Files.writeString(dir.resolve("ical/holidays.ics"), HOLIDAYS);
        BlackoutCalendar calendar = loader(false).load(calendar("ical/holidays.ics"));
        WindowDecision decision = calendar.decide(AT);
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons()).singleElement().satisfies(reason -> assertThat(reason.window()).isEqualTo("holidays"));
        assertThat(decision.closedUntil()).isEqualTo(utc("2026-12-26T23:00:00Z")); // 27 Dec 00:00 CET
        assertThat(decision.nextClosure()).isEqualTo(utc("2027-12-23T23:00:00Z"));
    }

    @Test
    void icsPathsMayNotLeaveTheCalendarDirectory() throws Exception {
        assertThatThrownBy(() -> loader(false).load(calendar("../outside.ics")))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("calendar.yaml:5: window 'holidays': field 'ics': iCalendar path '../outside.ics' leaves the calendar's directory");
        assertThatThrownBy(() -> loader(false).load(calendar("/etc/hosts")))
                .hasMessageContaining("must be relative to the calendar file");
        assertThatThrownBy(() -> loader(false).load(calendar("missing.ics")))
                .hasMessageContaining("field 'ics': cannot read iCalendar missing.ics: no such file");
    }

    @Test
    void invalidIcsNamesBothFiles() throws Exception {
        Files.writeString(dir.resolve("bad.ics"), HOLIDAYS.replace("RRULE:FREQ=YEARLY", "RRULE:FREQ=SECONDLY"));
        assertThatThrownBy(() -> loader(false).load(calendar("bad.ics")))
                .hasMessage(dir.resolve("calendar.yaml") + ":5: window 'holidays': field 'ics': bad.ics:9: event 'Christmas'"
                        + " RRULE FREQ=SECONDLY is not supported (DAILY, WEEKLY, MONTHLY, YEARLY)");
    }

    @Test
    void icsUrlFetchedFromALocalServer() throws Exception {
        BlackoutCalendar calendar = loader(true).load(calendar(url("/holidays.ics")));
        assertThat(requests.get()).isEqualTo(1);
        assertThat(calendar.decide(AT).state()).isEqualTo(GateState.CLOSED);
        assertThat(calendar.decide(utc("2026-12-28T10:00:00Z")).state()).isEqualTo(GateState.OPEN);
    }

    @Test
    void icsUrlFailuresAreClearErrors() throws Exception {
        assertThatThrownBy(() -> loader(true).load(calendar(url("/missing.ics"))))
                .hasMessageContaining("field 'ics': cannot fetch iCalendar " + url("/missing.ics") + ": HTTP 404");
        assertThatThrownBy(() -> loader(true).load(calendar(url("/huge.ics"))))
                .hasMessageContaining("is larger than 1048576 bytes");
        assertThatThrownBy(() -> loader(true).load(calendar("ftp://127.0.0.1/x.ics")))
                .hasMessageContaining("must be http or https");
        assertThatThrownBy(() -> loader(false).load(calendar(url("/holidays.ics"))))
                .hasMessageContaining("iCalendar URLs are not allowed here");
        assertThat(requests.get()).isZero();
    }

    @Test
    void unreachableUrlIsAnError() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThatThrownBy(() -> loader(true).load(calendar("http://127.0.0.1:" + port + "/holidays.ics")))
                .hasMessageContaining("cannot fetch iCalendar from http://127.0.0.1:" + port + "/holidays.ics: cannot connect to "
                        + "127.0.0.1:" + port + ": connection refused").hasMessageNotContaining("Exception");
    }

    @Test
    void aUrlThatTricklesIsCutOffAtTheDeadline() throws Exception {
        try (HostileServer trickle = HostileServer.start(HostileServer.Behaviour.TRICKLE);
                HostileServer silent = HostileServer.start(HostileServer.Behaviour.SILENT)) {
            CalendarLoader loader = new CalendarLoader(CalendarImports.forDecisionsFrom(AT,
                    Duration.ZERO, new IcsUrlFetcher(Duration.ofMillis(700), 1 << 20), null));
            long started = System.nanoTime();
            assertThatThrownBy(() -> loader.load(calendar("http://" + trickle.address() + "/holidays.ics")))
                    .hasMessageContaining(trickle.address() + " did not send the whole answer within 700ms");
            assertThatThrownBy(() -> loader.load(calendar("http://" + silent.address() + "/holidays.ics")))
                    .hasMessageContaining(silent.address() + " did not answer within 700ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void gateFailsClosedOnAnUnreadableImport() throws Exception {
        BlackoutGate gate = new BlackoutGate(loader(false), java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC));
        WindowDecision decision = gate.decideNow(calendar("missing.ics"), GatePolicy.failClosed());
        assertThat(decision.state()).isEqualTo(GateState.CLOSED);
        assertThat(decision.reasons().get(0).message()).contains("cannot read iCalendar missing.ics");
    }
}
