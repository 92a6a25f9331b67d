package io.jenkins.plugins.securepipeline.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WindowCronExpressionTest {
    @Test
    void weekdaysMatchMondayToFriday() {
        CronExpression cron = CronExpression.parse("0 9 * * 1-5");
        assertThat(cron.matchesDay(LocalDate.of(2026, 11, 23))).isTrue(); // Monday
        assertThat(cron.matchesDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
        assertThat(cron.hours()).containsExactly(9);
        assertThat(cron.minutes()).containsExactly(0);
    }

    @Test
    void namesStepsListsAndSundayAsSeven() {
        CronExpression cron = CronExpression.parse("*/20 8-18/5 * jan,DEC sun-sat");
        assertThat(cron.minutes()).containsExactly(0, 20, 40);
        assertThat(cron.hours()).containsExactly(8, 13, 18);
        assertThat(cron.matchesDay(LocalDate.of(2026, 12, 6))).isTrue();
        assertThat(cron.matchesDay(LocalDate.of(2026, 11, 6))).isFalse();
        assertThat(CronExpression.parse("0 0 * * 7").matchesDay(LocalDate.of(2026, 11, 29))).isTrue(); // Sunday
        assertThat(CronExpression.parse("5/15 * * * *").minutes()).containsExactly(5, 20, 35, 50);
    }

    @Test
    void bothDayFieldsRestrictedMeansEither() {
        CronExpression cron = CronExpression.parse("0 0 13 * 5"); // the 13th, or any Friday
        assertThat(cron.matchesDay(LocalDate.of(2026, 11, 13))).isTrue();
        assertThat(cron.matchesDay(LocalDate.of(2026, 11, 20))).isTrue(); // a Friday, not the 13th
        assertThat(cron.matchesDay(LocalDate.of(2026, 11, 14))).isFalse();
    }

    @Test
    void shortcuts() {
        assertThat(CronExpression.parse("@daily").toString()).isEqualTo("0 0 * * *");
        assertThat(CronExpression.parse("@weekly").matchesDay(LocalDate.of(2026, 11, 29))).isTrue();
    }

    @Test
    void errorsNameTheField() {
        assertThatThrownBy(() -> CronExpression.parse("0 24 * * *")).hasMessageContaining("hour field").hasMessageContaining("outside 0-23");
        assertThatThrownBy(() -> CronExpression.parse("0 9 * *")).hasMessageContaining("has 4 fields");
        assertThatThrownBy(() -> CronExpression.parse("H 9 * * *")).hasMessageContaining("minute field").hasMessageContaining("non-standard");
        assertThatThrownBy(() -> CronExpression.parse("0 9 * * MON#2")).hasMessageContaining("non-standard");
        assertThatThrownBy(() -> CronExpression.parse("0 9 5-1 * *")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> CronExpression.parse("0 9 31 2 *")).hasMessageContaining("never matches");
        assertThatThrownBy(() -> CronExpression.parse("0 x * * *")).hasMessageContaining("hour field \"x\"");
        assertThatThrownBy(() -> CronExpression.parse("0 9 * * 1,,2")).hasMessageContaining("empty list element");
        assertThatThrownBy(() -> CronExpression.parse("*/0 9 * * *")).hasMessageContaining("minute field");
    }

    @Test
    void leapDayIsFound() {
        CronExpression cron = CronExpression.parse("0 0 29 2 *");
        assertThat(cron.nextMatchingDay(LocalDate.of(2026, 3, 1), 366 * 8)).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
