package io.jenkins.plugins.securepipeline.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowFreezeTimelineTest {
    private static final CalendarLoader LOADER = new CalendarLoader();

    @Test
    void aDailyWindowIsABlockAtTheSamePlaceEveryDay() {
        BlackoutCalendar calendar = LOADER.parse("timeZone: UTC\nwindows:\n"
                + "  - {name: peak, kind: deny, cron: \"0 6 * * *\", duration: 6h}\n", "test", null);
        FreezeTimeline timeline = FreezeTimeline.of("peaks", calendar, Instant.parse("2026-11-23T10:00:00Z"), 3);
        assertThat(timeline.getDays()).hasSize(3);
        assertThat(timeline.getDays().get(0).getLabel()).isEqualTo("Mon 23 Nov");
        for (FreezeTimeline.Day day : timeline.getDays()) {
            assertThat(day.getBlocks()).singleElement().satisfies(block -> {
                assertThat(block.getLeft()).isCloseTo(25.0, within(0.001));
                assertThat(block.getWidth()).isCloseTo(25.0, within(0.001));
                assertThat(block.getStyle()).isEqualTo("left:25.000%;width:25.000%");
                assertThat(block.getTitle()).isEqualTo("closed 06:00–12:00");
            });
            assertThat(day.getWindows()).containsExactly("deny peak 06:00–12:00");
        }
    }

    @Test
    void aBlockAcrossMidnightIsSplitOverTwoDays() {
        BlackoutCalendar calendar = LOADER.parse("timeZone: UTC\nwindows:\n"
                + "  - {name: night, kind: deny, from: 2026-11-23T22:00, to: 2026-11-24T02:00}\n", "test", null);
        FreezeTimeline timeline = FreezeTimeline.of("nights", calendar, Instant.parse("2026-11-23T10:00:00Z"), 2);
        assertThat(timeline.getDays().get(0).getBlocks()).singleElement()
                .satisfies(block -> assertThat(block.getLeft() + block.getWidth()).isCloseTo(100.0, within(0.001)));
        assertThat(timeline.getDays().get(1).getBlocks()).singleElement()
                .satisfies(block -> assertThat(block.getLeft()).isCloseTo(0.0, within(0.001)));
    }

    @Test
    void onADaylightSavingDayBlocksAreShareOfA23HourDay() {
        // Europe/Amsterdam springs forward on 2027-03-28: that day has 23 hours.
        BlackoutCalendar calendar = LOADER.parse("timeZone: Europe/Amsterdam\nwindows:\n"
                + "  - {name: noon, kind: deny, cron: \"0 12 * * *\", duration: 1h}\n", "test", null);
        FreezeTimeline timeline = FreezeTimeline.of("dst", calendar, Instant.parse("2027-03-28T08:00:00Z"), 1);
        FreezeTimeline.Block block = timeline.getDays().get(0).getBlocks().get(0);
        assertThat(block.getLeft()).isCloseTo(100.0 * 11 / 23, within(0.001));
        assertThat(block.getWidth()).isCloseTo(100.0 / 23, within(0.001));
        assertThat(timeline.getZone()).isEqualTo("Europe/Amsterdam");
    }

    @Test
    void anUnreadableCalendarCarriesItsProblem() {
        FreezeTimeline timeline = FreezeTimeline.unreadable("holidays", "cannot fetch");
        assertThat(timeline.getProblem()).isEqualTo("cannot fetch");
        assertThat(timeline.getDays()).isEmpty();
    }
}
