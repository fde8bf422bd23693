package io.kmarket.scheduler.job;

import static org.assertj.core.api.Assertions.assertThat;

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
}
