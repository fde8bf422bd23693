package io.kmarket.kit.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MarketTimeTest {

    @Test
    void theMarketDayIsKoreanWhateverTheClocksZone() {
        // 15:30 UTC is 00:30 the next day in Seoul (UTC+9, no daylight saving).
        Instant lateUtcEvening = Instant.parse("2026-12-07T15:30:00Z");

        assertThat(MarketTime.today(Clock.fixed(lateUtcEvening, ZoneOffset.UTC))).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(MarketTime.today(Clock.fixed(lateUtcEvening, ZoneId.of("America/New_York"))))
                .isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void theZoneIsSeoul() {
        assertThat(MarketTime.ZONE).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(MarketTime.ZONE.getRules().getOffset(Instant.parse("2026-07-01T00:00:00Z")))
                .isEqualTo(ZoneOffset.ofHours(9));
    }

    @Test
    void theServicesClockIsTheSystemClockInUtc() {
        Clock clock = new SystemClockProducer().clock();

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        Instant before = Instant.now();
        assertThat(clock.instant()).isBetween(before, Instant.now());
    }
}
