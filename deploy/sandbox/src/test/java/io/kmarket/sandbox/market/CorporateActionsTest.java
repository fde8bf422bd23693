package io.kmarket.sandbox.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kmarket.sandbox.KrxRules;

/**
 * The simulated corporate actions: every kind present at any universe size, each ex-date's reference price, factor,
 * share and par schedule as the Korean rules give them (recomputed here from P and the ratios, not by the model).
 */
class CorporateActionsTest {

    private static final TradingCalendar CALENDAR = new TradingCalendar(LocalDate.of(2014, 1, 1), LocalDate.of(2027, 12, 31));
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 23);

    private static List<PriceHistory> histories(long seed, int stocks) {
        List<PriceHistory> result = new ArrayList<>();
        for (Listing listing : Universe.build(seed, stocks, CALENDAR).listings()) {
            result.add(new PriceHistory(seed, listing, CALENDAR));
        }
        return result;
    }

    private static Map<ActionType, Integer> countsUpTo(List<PriceHistory> histories, LocalDate date) {
        Map<ActionType, Integer> counts = new EnumMap<>(ActionType.class);
        for (ActionType type : ActionType.values()) {
            counts.put(type, 0);
        }
        for (PriceHistory history : histories) {
            for (AppliedAction action : history.actions()) {
                if (!action.exDate().isAfter(date)) {
                    counts.merge(action.type(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Test
    void everyKindHappensAtLeastThreeTimesBeforeTodayAtAnyUniverseSize() {
        for (long seed : new long[] {7, 20140102, 99}) {
            for (int stocks : new int[] {100, 250, 2800}) {
                Map<ActionType, Integer> counts = countsUpTo(histories(seed, stocks), TODAY);
                assertThat(counts.values()).as("seed %d, %d stocks: %s", seed, stocks, counts)
                        .allMatch(count -> count >= 3);
            }
        }
    }

    @Test
    void ratesAreRealisticInTheFullUniverse() {
        List<PriceHistory> histories = histories(20140102, 2800);
        Map<ActionType, Integer> counts = countsUpTo(histories, TODAY);
        // About a third of ~2,800 issues pay every year over 12 fiscal years.
        assertThat(counts.get(ActionType.CASH_DIVIDEND)).isBetween(7_000, 12_000);
        // Bonus issues and rights offerings together: 1–2 % of the issues a year.
        assertThat(counts.get(ActionType.BONUS_ISSUE) + counts.get(ActionType.RIGHTS_OFFERING)).isBetween(250, 700);
        assertThat(counts.get(ActionType.REVERSE_SPLIT) + counts.get(ActionType.CAPITAL_REDUCTION)).isBetween(10, 300);
    }

    @Test
    void eachExDateFollowsTheKrxRules() {
        for (PriceHistory history : histories(7, 2800)) {
            List<AppliedAction> actions = history.actions();
            for (int i = 0; i < actions.size(); i++) {
                AppliedAction a = actions.get(i);
                int d = a.exDay();
                long p = history.close(d - 1);
                long s = history.shares(d - 1);
                int par = history.par(d - 1);
                assertThat(a.previousClose()).isEqualTo(p);
                assertThat(a.sharesBefore()).isEqualTo(s);
                assertThat(a.parBefore()).isEqualTo(par);
                CorporateAction plan = a.action();
                long expectedBase;
                long expectedShares;
                int expectedPar = par;
                int sharesDay = d;
                switch (a.type()) {
                    case SPLIT -> {
                        expectedBase = KrxRules.tick(p / (double) plan.ratio());
                        expectedShares = s * plan.ratio();
                        expectedPar = par / plan.ratio();
                    }
                    case REVERSE_SPLIT -> {
                        expectedBase = KrxRules.tick(p * (double) plan.ratio());
                        expectedShares = s / plan.ratio();
                        expectedPar = par * plan.ratio();
                    }
                    case CAPITAL_REDUCTION -> {
                        expectedBase = KrxRules.tick(p * (double) plan.ratio());
                        expectedShares = s / plan.ratio();
                    }
                    case BONUS_ISSUE, STOCK_DIVIDEND -> {
                        assertThat(p).as("bonus and stock dividends only at 1,000 KRW or more").isGreaterThanOrEqualTo(1_000);
                        expectedBase = KrxRules.tick(p / (1 + plan.rate()));
                        expectedShares = s + (long) Math.floor(s * plan.rate());
                        sharesDay = a.type() == ActionType.BONUS_ISSUE ? d + 15
                                : CALENDAR.ceilIndex(LocalDate.of(plan.fiscalYear() + 1, 4, 1));
                    }
                    case RIGHTS_OFFERING -> {
                        // The issue price is what the reference price implies, exactly: base = (P + I·r) / (1 + r).
                        assertThat((double) a.referencePrice()).isCloseTo((p + a.issuePrice() * plan.rate()) / (1 + plan.rate()),
                                within(1e-6));
                        assertThat(a.issuePrice()).isBetween(1L, p - 1);
                        expectedBase = a.referencePrice();
                        expectedShares = s + (long) Math.floor(s * plan.rate() + 1e-9);
                        sharesDay = d + 25;
                    }
                    default -> {
                        expectedBase = p;
                        expectedShares = s;
                        sharesDay = -1;
                        assertThat(a.cashAmount()).isBetween(1L, p - 1);
                        // ex-date: the trading day before the last trading day of December
                        assertThat(a.exDate()).isEqualTo(CALENDAR.day(CALENDAR.floorIndex(LocalDate.of(plan.fiscalYear(), 12, 31)) - 1));
                    }
                }
                assertThat(a.referencePrice()).as("%s %s %s", history.listing().code(), a.type(), a.exDate()).isEqualTo(expectedBase);
                assertThat(history.base(d)).isEqualTo(expectedBase);
                double factor = a.type() == ActionType.CASH_DIVIDEND ? (p - a.cashAmount()) / (double) p : expectedBase / (double) p;
                assertThat(a.priceFactor()).isEqualTo(factor);
                assertThat(a.sharesAfter()).isEqualTo(expectedShares);
                assertThat(a.parAfter()).isEqualTo(expectedPar);
                assertThat(history.par(d)).isEqualTo(expectedPar);
                if (sharesDay >= 0 && sharesDay <= history.lastDay()) {
                    assertThat(history.shares(sharesDay - 1)).isEqualTo(s);
                    assertThat(history.shares(sharesDay)).isEqualTo(expectedShares);
                }
                if (a.type().halts()) {
                    assertThat(history.listing().haltedOn(d - 1)).as("halted before %s", a.type()).isTrue();
                }
                if (i > 0) {
                    assertThat(d - actions.get(i - 1).exDay()).isGreaterThanOrEqualTo(120);
                }
            }
        }
    }

    @Test
    void consolidationsMakeTheRawPriceJumpUpAndFactorsMultiplyTheLaterOnes() {
        List<PriceHistory> histories = histories(7, 2800);
        int checked = 0;
        for (PriceHistory history : histories) {
            List<AppliedAction> actions = history.actions();
            for (AppliedAction a : actions) {
                if (a.type() == ActionType.REVERSE_SPLIT || a.type() == ActionType.CAPITAL_REDUCTION) {
                    assertThat(history.close(a.exDay())).isGreaterThan(history.close(a.exDay() - 1));
                    checked++;
                }
            }
            if (actions.isEmpty()) {
                continue;
            }
            // The factor of a day before the first ex-date is the product of every f the kind includes.
            int before = actions.getFirst().exDay() - 1;
            double split = 1;
            double naver = 1;
            double total = 1;
            for (AppliedAction a : actions) {
                total *= a.priceFactor();
                if (a.type() != ActionType.CASH_DIVIDEND) {
                    split *= a.priceFactor();
                    if (a.type() != ActionType.CAPITAL_REDUCTION) {
                        naver *= a.priceFactor();
                    }
                }
            }
            assertThat(history.factor(before, Adjustment.SPLIT)).isCloseTo(split, within(split * 1e-12));
            assertThat(history.factor(before, Adjustment.NAVER)).isCloseTo(naver, within(naver * 1e-12));
            assertThat(history.factor(before, Adjustment.TOTAL)).isCloseTo(total, within(total * 1e-12));
            assertThat(history.factor(actions.getLast().exDay(), Adjustment.TOTAL)).isEqualTo(1.0);
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void famousSplitsStayAndFamousIssuesGetNoOtherShareActions() {
        Universe universe = Universe.build(20140102, 2800, CALENDAR);
        PriceHistory samsung = new PriceHistory(20140102, universe.byCode("005930"), CALENDAR);
        List<AppliedAction> shareActions = samsung.actions().stream().filter(a -> a.type().referencePrice()).toList();
        assertThat(shareActions).singleElement().satisfies(a -> {
            assertThat(a.exDate()).isEqualTo(LocalDate.of(2018, 5, 4));
            assertThat(a.sharesMultiplier()).isEqualTo(50.0);
            assertThat(a.sharesAfter()).isEqualTo(128_386_494L * 50);
            assertThat(a.parBefore()).isEqualTo(5_000);
            assertThat(a.parAfter()).isEqualTo(100);
        });
        assertThat(samsung.listing().haltedOn(CALENDAR.indexOf(LocalDate.of(2018, 4, 30)))).isTrue();
    }

    @Test
    void kisExRightsCodesMarkTheExDates() {
        for (PriceHistory history : histories(7, 2800)) {
            for (AppliedAction a : history.actions()) {
                String expected = switch (a.type()) {
                    case BONUS_ISSUE, RIGHTS_OFFERING -> "01";
                    case CASH_DIVIDEND, STOCK_DIVIDEND -> "02";
                    default -> "00";
                };
                assertThat(history.exRightsCode(a.exDay())).isEqualTo(expected);
                assertThat(history.exRightsCode(a.exDay() - 1)).isEqualTo("00");
            }
        }
    }
}
