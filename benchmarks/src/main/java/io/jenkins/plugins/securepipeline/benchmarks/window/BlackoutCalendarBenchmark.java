package io.jenkins.plugins.securepipeline.benchmarks.window;

import io.jenkins.plugins.securepipeline.window.BlackoutCalendar;
import io.jenkins.plugins.securepipeline.window.CalendarLoader;
import io.jenkins.plugins.securepipeline.window.UpcomingWindows;
import io.jenkins.plugins.securepipeline.window.WindowDecision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two speed targets of gateBlackoutWindow: a decision (state, reasons, closedUntil, next closure) on a
 * calendar of 1,000 windows at an instant (target under 1 ms), and a year of upcoming windows listed, with the
 * closed periods and the text timeline (target under 100 ms).
 *
 * <p>The calendar is generated with a fixed seed (see {@link #calendarYaml}): weekly, monthly and yearly cron
 * windows, weekly ranges, one-off freezes and weekday allow windows, spread over Europe/Amsterdam,
 * America/New_York, Australia/Sydney, Asia/Kolkata and UTC. Instants are spread over 2026.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlackoutCalendarBenchmark {
    private static final List<String> ZONES = List.of("Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC");
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private BlackoutCalendar calendar;
    private Instant[] instants;
    private int next;

    /**
     * The benchmark calendar's YAML. The mix is what a large organisation's calendar looks like: a 1,000-window
     * calendar cannot be mostly weekly windows, or it would be closed all the time (1,000 half-hour weekly
     * windows already cover 500 of the week's 168 hours).
     */
    public static String calendarYaml(int windows, long seed) {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder("timeZone: Europe/Amsterdam\nwindows:\n");
        for (int i = 0; i < windows; i++) {
            String zone = ZONES.get(random.nextInt(ZONES.size()));
            int kind = i % 20;
            yaml.append("  - {name: w").append(i).append(", timeZone: ").append(zone).append(", ");
            if (kind < 2) { // 10 %: weekly cron peaks, 15-30 min
                yaml.append("kind: deny, cron: \"").append(15 * random.nextInt(4)).append(' ').append(random.nextInt(24))
                        .append(" * * ").append(random.nextInt(7)).append("\", duration: ").append(15 + 15 * random.nextInt(2)).append("m}");
            } else if (kind < 3) { // 5 %: monthly maintenance, 1 h
                yaml.append("kind: deny, cron: \"0 ").append(random.nextInt(24)).append(' ').append(1 + random.nextInt(28))
                        .append(" * *\", duration: 1h}");
            } else if (kind < 10) { // 35 %: yearly dates (regional holidays, quarter ends), 2-8 h
                yaml.append("kind: deny, cron: \"0 ").append(random.nextInt(24)).append(' ').append(1 + random.nextInt(28)).append(' ')
                        .append(1 + random.nextInt(12)).append(" *\", duration: ").append(2 + random.nextInt(7)).append("h}");
            } else if (kind < 11) { // 5 %: weekly ranges, 30 min to 1 h, some across midnight
                int startMinute = 15 * random.nextInt(96);
                int endMinute = (startMinute + 30 + 15 * random.nextInt(3)) % (24 * 60);
                yaml.append("kind: deny, weekly: \"").append(DAYS[random.nextInt(7)]).append(' ')
                        .append(String.format("%02d:%02d-%02d:%02d", startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60))
                        .append("\"}");
            } else if (kind < 19) { // 40 %: one-off freezes in 2026-2027, 2-6 h
                int day = 1 + random.nextInt(28);
                int month = 1 + random.nextInt(12);
                int year = 2026 + random.nextInt(2);
                int startHour = random.nextInt(12);
                yaml.append("kind: deny, from: ").append(String.format("%d-%02d-%02dT%02d:00", year, month, day, startHour))
                        .append(", to: ").append(String.format("%d-%02d-%02dT%02d:00", year, month, day, startHour + 2 + random.nextInt(5))).append('}');
            } else { // 5 %: allow windows, weekday business hours in each team's zone
                yaml.append("kind: allow, weekly: \"Mon-Fri ").append(String.format("%02d:00-%02d:00", 6 + random.nextInt(3), 17 + random.nextInt(4)))
                        .append("\"}");
            }
            yaml.append('\n');
        }
        return yaml.toString();
    }

    @Setup(Level.Trial)
    public void setUp() {
        calendar = new CalendarLoader().parse(calendarYaml(1000, 42), "benchmark.yaml", Path.of("."));
        Random random = new Random(7);
        instants = new Instant[1024];
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < instants.length; i++) {
            instants[i] = base.plusSeconds(random.nextInt(365 * 24 * 3600));
        }
    }

    @Benchmark
    public WindowDecision decide1000WindowsAtAnInstant() {
        Instant at = instants[next++ & (instants.length - 1)];
        return calendar.decide(at);
    }

    /** What the JSON listing and the admin page need: every occurrence of the year and the closed periods. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public UpcomingWindows listAYearOf1000Windows() {
        Instant at = instants[next++ & (instants.length - 1)];
        return UpcomingWindows.of(calendar, at, Duration.ofDays(365));
    }

    /** The same, rendered as the CLI's text timeline (about 22,000 lines for this calendar). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String listAYearOf1000WindowsAsText() {
        Instant at = instants[next++ & (instants.length - 1)];
        return UpcomingWindows.of(calendar, at, Duration.ofDays(365)).timeline();
    }
}
