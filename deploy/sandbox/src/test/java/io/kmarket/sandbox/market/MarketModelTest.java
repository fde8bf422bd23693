package io.kmarket.sandbox.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The simulated market itself: reproducibility and the KRX rules its prices follow. */
class MarketModelTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final TradingCalendar CALENDAR = new TradingCalendar(LocalDate.of(2014, 1, 1), LocalDate.of(2027, 12, 31));

    @Test
    void sameSeedBuildsTheSameMarketAndAnotherSeedDoesNot() {
        Universe a = Universe.build(7, 2800, CALENDAR);
        Universe b = Universe.build(7, 2800, CALENDAR);
        Universe c = Universe.build(8, 2800, CALENDAR);
        assertThat(a.listings()).hasSize(2800);
        assertThat(a.listings().stream().map(Listing::name).toList())
                .isEqualTo(b.listings().stream().map(Listing::name).toList())
                .isNotEqualTo(c.listings().stream().map(Listing::name).toList());
        for (int i : new int[] {0, 100, 1500, 2799}) {
            PriceHistory first = new PriceHistory(7, a.listings().get(i), CALENDAR);
            PriceHistory second = new PriceHistory(7, b.listings().get(i), CALENDAR);
            for (int day = first.firstDay(); day <= first.lastDay(); day += 97) {
                assertThat(first.bar(day)).isEqualTo(second.bar(day));
            }
        }
        assertThat(filings(new DartRegistry(7, a))).isNotEmpty().isEqualTo(filings(new DartRegistry(7, b)));
    }

    private static List<String> filings(DartRegistry registry) {
        return registry.filedOn(LocalDate.of(2024, 3, 4)).stream()
                .map(d -> String.join("|", d.rceptNo(), d.company().corpCode(), d.reportName(), d.filer(), d.remark(),
                        d.acceptedAt().toString()))
                .toList();
    }

    @Test
    void filingsAreAcceptedOnTheirDayMostlyDuringMarketHoursSomeInTheEveningAndInReceiptOrder() {
        DartRegistry registry = new DartRegistry(7, Universe.build(7, 2800, CALENDAR));
        List<Disclosure> filings = LocalDate.of(2024, 1, 1).datesUntil(LocalDate.of(2024, 7, 1))
                .flatMap(day -> registry.filedOn(day).stream()).toList();
        assertThat(filings).hasSizeGreaterThan(2000);
        Map<String, Instant> lastInSeries = new HashMap<>();
        for (Disclosure d : filings) {
            ZonedDateTime accepted = d.acceptedAt().atZone(SEOUL);
            assertThat(accepted.toLocalDate()).as(d.rceptNo()).isEqualTo(d.receiptDate());
            assertThat(accepted.toLocalTime()).as(d.rceptNo()).isAfterOrEqualTo(LocalTime.of(7, 0));
            // A receipt number is handed out at acceptance: within a series (00 DART, 80 exchange), in order.
            String seriesOfDay = d.rceptNo().substring(0, 10);
            Instant previous = lastInSeries.put(seriesOfDay, d.acceptedAt());
            if (previous != null) {
                assertThat(d.acceptedAt()).as(d.rceptNo()).isAfterOrEqualTo(previous);
            }
        }
        assertThat(share(filings, LocalTime.of(9, 0), LocalTime.of(15, 30))).isBetween(0.55, 0.70);
        assertThat(share(filings, LocalTime.of(18, 0), LocalTime.MAX)).isBetween(0.15, 0.25);
        assertThat(share(filings, LocalTime.of(20, 0), LocalTime.MAX)).isBetween(0.04, 0.10);
    }

    private static double share(List<Disclosure> filings, LocalTime from, LocalTime to) {
        return filings.stream().map(d -> d.acceptedAt().atZone(SEOUL).toLocalTime())
                .filter(t -> !t.isBefore(from) && t.isBefore(to)).count() / (double) filings.size();
    }

    @Test
    void universeHasRealisticCodesMarketsAndFamousNames() {
        Universe universe = Universe.build(7, 2800, CALENDAR);
        Set<String> codes = new HashSet<>();
        universe.listings().forEach(l -> assertThat(codes.add(l.code())).as("unique code " + l.code()).isTrue());
        assertThat(codes).allMatch(code -> code.matches("[0-9A-Z]{6}"));
        assertThat(universe.byCode("005930").name()).isEqualTo("삼성전자");
        assertThat(universe.byCode("000660").name()).isEqualTo("SK하이닉스");
        assertThat(universe.byCode("035420").name()).isEqualTo("NAVER");
        assertThat(universe.byCode("00104K")).isNotNull();
        // Naver serves names in EUC-KR: every name must be representable there.
        CharsetEncoder eucKr = Charset.forName("EUC-KR").newEncoder();
        assertThat(universe.listings()).allMatch(l -> eucKr.canEncode(l.name()));
        assertThat(universe.listings().stream().filter(l -> l.market() == MarketId.STK).count()).isBetween(900L, 1000L);
        assertThat(universe.listings().stream().filter(l -> l.market() == MarketId.KSQ).count()).isBetween(1650L, 1800L);
        assertThat(universe.listings().stream().filter(l -> l.market() == MarketId.KNX).count()).isBetween(100L, 160L);
        assertThat(universe.listings().stream().filter(l -> l.delistDate() != null).count()).isGreaterThan(20);
        assertThat(universe.listings().stream().filter(l -> l.actions().stream().anyMatch(a -> a.type() == ActionType.SPLIT)).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void isinCheckDigitsMatchRealIsins() {
        // Real ISINs from the KRX recordings.
        for (String isin : List.of("KR7005930003", "KR7095570008", "KR7006840003", "KR7027410000", "KR7060310000",
                "KR7054620000", "KR7098120009", "KR7009520008", "KR7037730009", "KR7036360006")) {
            assertThat(Isin.of(isin.substring(3, 9))).isEqualTo(isin);
        }
        assertThat(Isin.checkDigit("KRA06031012")).isEqualTo(5);
        assertThat(Isin.of("005935")).isEqualTo("KR7005931001");
    }

    @Test
    void everyBarRespectsTicksLimitsAndVolumeValueConsistency() {
        Universe universe = Universe.build(7, 2800, CALENDAR);
        for (int i = 0; i < universe.listings().size(); i += 37) {
            PriceHistory history = new PriceHistory(7, universe.listings().get(i), CALENDAR);
            for (int day = history.firstDay(); day <= history.lastDay(); day++) {
                Bar bar = history.bar(day);
                long upper = floorToTick(bar.base() * 13 / 10);
                assertThat(bar.close()).as("close within +30%% of %d", bar.base()).isLessThanOrEqualTo(upper);
                assertThat(bar.close()).isGreaterThanOrEqualTo(bar.base() * 7 / 10);
                assertThat(bar.close() % tick(bar.close())).as("close on a tick").isZero();
                if (bar.halted()) {
                    assertThat(bar.volume()).isZero();
                    assertThat(bar.close()).isEqualTo(bar.base());
                    continue;
                }
                assertThat(bar.low()).isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
                assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
                assertThat(bar.open() % tick(bar.open())).isZero();
                assertThat(bar.value()).isBetween(bar.volume() * bar.low(), bar.volume() * bar.high());
            }
        }
    }

    @Test
    void calendarSkipsWeekendsAndKrxHolidays() {
        for (String holiday : List.of("2021-01-01", "2024-02-09", "2024-04-10", "2025-10-06", "2026-02-17", "2025-12-31")) {
            assertThat(TradingCalendar.isTradingDay(LocalDate.parse(holiday))).as(holiday).isFalse();
        }
        assertThat(TradingCalendar.isTradingDay(LocalDate.of(2021, 1, 23))).isFalse();
        assertThat(TradingCalendar.isTradingDay(LocalDate.of(2021, 1, 22))).isTrue();
        // 2015 had 248 trading days at KRX.
        long days2015 = IntStream.range(0, CALENDAR.size()).filter(i -> CALENDAR.day(i).getYear() == 2015).count();
        assertThat(days2015).isEqualTo(248);
    }

    /** Independent transcription of the KRX tick table. */
    private static long tick(long price) {
        long[][] table = {{2_000, 1}, {5_000, 5}, {20_000, 10}, {50_000, 50}, {200_000, 100}, {500_000, 500}};
        for (long[] row : table) {
            if (price < row[0]) {
                return row[1];
            }
        }
        return 1_000;
    }

    private static long floorToTick(long price) {
        return price / tick(price) * tick(price);
    }
}
