package io.kmarket.scheduler.job.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Fire times of cron and interval schedules, read in Seoul time. */
class FireScheduleTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static ZonedDateTime seoul(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), SEOUL);
    }

    @Test
    void cronIsReadInTheGivenZone() {
        FireSchedule daily = FireSchedule.cron("0 30 16 * * ?");
        assertThat(daily.next(seoul("2024-10-10T16:29:59"))).contains(seoul("2024-10-10T16:30:00"));
        assertThat(daily.next(seoul("2024-10-10T16:30:00"))).contains(seoul("2024-10-11T16:30:00"));
    }

    @Test
    void intervalFiresWithinItsWindowOnly() {
        FireSchedule disclosures = FireSchedule.interval(Duration.ofMinutes(10), LocalTime.of(7, 0),
                LocalTime.of(20, 0));
        assertThat(disclosures.next(seoul("2024-10-10T06:59:00"))).contains(seoul("2024-10-10T07:00:00"));
        assertThat(disclosures.next(seoul("2024-10-10T07:00:00"))).contains(seoul("2024-10-10T07:10:00"));
        assertThat(disclosures.next(seoul("2024-10-10T19:55:00"))).contains(seoul("2024-10-10T20:00:00"));
        assertThat(disclosures.next(seoul("2024-10-10T20:00:00"))).contains(seoul("2024-10-11T07:00:00"));
    }

    @Test
    void cronIsQuartzWithSecondsFirstAndADayOfWeekField() {
        FireSchedule weekly = FireSchedule.cron("0 0 7 ? * SAT");
        // 2024-10-10 is a Thursday: the next Saturday is the 12th.
        assertThat(weekly.next(seoul("2024-10-10T12:00:00"))).contains(seoul("2024-10-12T07:00:00"));
        assertThat(weekly.describe()).isEqualTo("cron 0 0 7 ? * SAT");
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> FireSchedule.interval(Duration.ZERO, LocalTime.MIDNIGHT, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
