package io.kmarket.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** The seeded KRX calendar, its fallback outside the seeded years, and recording a holiday. */
@QuarkusTest
class TradingCalendarTest {

    @Inject
    TradingCalendar calendar;

    @Test
    void weekendsAndKrxHolidaysAreClosed() {
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 9, 13))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 9, 14))).as("Saturday").isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 9, 17))).as("Chuseok").isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2025, 10, 8))).as("Chuseok substitute").isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2024, 12, 31))).as("year-end closure").isFalse();
        assertThat(calendar.isTradingDay(LocalDate.of(2021, 1, 4))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.of(2023, 12, 29))).as("year-end closure on a Friday").isFalse();
    }

    @Test
    void october2024Had20TradingDays() {
        // 23 weekdays, minus the Armed Forces Day holiday (1st), National Foundation Day (3rd), Hangul Day (9th).
        assertThat(calendar.tradingDays(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31))).hasSize(20)
                .doesNotContain(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 3), LocalDate.of(2024, 10, 9));
    }

    @Test
    void outsideTheSeededYearsWeekdaysTrade() {
        assertThat(calendar.tradingDays(LocalDate.of(2030, 1, 4), LocalDate.of(2030, 1, 7)))
                .containsExactly(LocalDate.of(2030, 1, 4), LocalDate.of(2030, 1, 7));
    }

    @Test
    void aWeekdayWithoutQuotesIsRecordedAsAHoliday() throws SQLException {
        LocalDate day = LocalDate.of(2026, 7, 15);
        assertThat(calendar.isTradingDay(day)).isTrue();
        try {
            calendar.markHoliday(day, "KRX quoted no stock");
            calendar.markHoliday(day, "KRX quoted no stock");
            assertThat(calendar.isTradingDay(day)).isFalse();
        } finally {
            try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser()) {
                c.createStatement().executeUpdate("UPDATE market.trading_calendar SET is_trading_day = true,"
                        + " note = null WHERE day = DATE '2026-07-15'");
            }
        }
    }
}
