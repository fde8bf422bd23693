package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Plans every issue's corporate actions from the seed. A few generated issues get one action of each kind
 * deterministically (three per kind, so any universe of 100 issues or more has them all); on top come random
 * ones at realistic rates: cash dividends from about a third of the issues every year, bonus issues and rights
 * offerings from 1–2 % of the issues a year, reverse splits and capital reductions of low-priced issues. The
 * famous issues keep their real splits and only get cash dividends. Two actions of one issue are always at least
 * {@link #MIN_GAP} trading days apart, so one action's shares are listed before the next one's ex-date.
 */
final class ActionPlanner {

    static final int MIN_GAP = 120;
    /** Trading days from a bonus issue's ex-date to the listing of its new shares. */
    static final int BONUS_LISTING_DELAY = 15;
    /** Trading days from a rights offering's ex-date to the listing of its new shares. */
    static final int RIGHTS_LISTING_DELAY = 25;
    private static final int PER_KIND = 3;
    private static final long PLAN_STREAM = 80;
    private static final long ORDER_STREAM = 81;
    private static final double[] BONUS_RATES = {0.1, 0.2, 0.3, 0.5, 1.0};
    /** 1/q for an integer q, so the issue price the reference price implies is a whole won. */
    private static final double[] RIGHTS_RATES = {0.1, 0.2, 0.25, 0.5};
    private static final double[] STOCK_DIVIDEND_RATES = {0.01, 0.02, 0.03, 0.05};

    private final long seed;
    private final TradingCalendar calendar;

    ActionPlanner(long seed, TradingCalendar calendar) {
        this.seed = seed;
        this.calendar = calendar;
    }

    /**
     * The trading-day index of a fiscal year's dividend ex-date (배당락일): the trading day before the last trading
     * day of December (record date the month end, T+2 settlement).
     */
    static int dividendExDay(TradingCalendar calendar, int fiscalYear) {
        return calendar.floorIndex(LocalDate.of(fiscalYear, 12, 31)) - 1;
    }

    List<Listing> plan(List<Listing> listings) {
        List<Plan> plans = listings.stream().map(Plan::new).toList();
        Set<String> codes = new HashSet<>(listings.stream().map(Listing::code).toList());
        List<Plan> candidates = plans.stream()
                .filter(p -> !FamousStocks.CODES.contains(p.listing.code()) && !p.listing.preferred()
                        && !codes.contains(p.listing.code().substring(0, 5) + "5")
                        && p.listing.listDate().isBefore(calendar.day(0)) && p.listing.delistDate() == null
                        && p.actions.isEmpty())
                .sorted(Comparator.comparingLong(p -> Seeds.mix(seed, ORDER_STREAM, p.listing.index())))
                .toList();
        planDeterministic(candidates);
        for (Plan p : plans) {
            boolean independent = !FamousStocks.CODES.contains(p.listing.code()) && !p.listing.preferred()
                    && !codes.contains(p.listing.code().substring(0, 5) + "5");
            planRandom(p, independent);
        }
        List<Listing> result = new ArrayList<>();
        for (Plan p : plans) {
            result.add(p.build());
        }
        return result;
    }

    /** Three issues per kind, chosen by the seed among the plain generated ones that trade the whole period. */
    private void planDeterministic(List<Plan> candidates) {
        Set<Plan> used = new HashSet<>();
        List<Plan> cheapest = candidates.stream().sorted(Comparator.comparingLong(p -> p.listing.initialPrice())).toList();
        List<Plan> dearest = cheapest.reversed();
        for (int i = 0; i < PER_KIND; i++) {
            // Consolidations go to the cheapest issues: their raw price jumps upward on the ex-date.
            take(cheapest, used, p -> true, p -> p.add(consolidation(p, ActionType.REVERSE_SPLIT, 300, 1200)));
            take(cheapest, used, p -> true, p -> p.add(consolidation(p, ActionType.CAPITAL_REDUCTION, 300, 1200)));
            // Early and on the dearest issues, so the price is still far above 1,000 KRW on the ex-date.
            take(dearest, used, p -> true, p -> p.add(bonus(p, 60 + p.random.nextInt(150))));
            take(dearest, used, p -> true, p -> p.add(stockDividend(p, calendar.day(0).getYear())));
            take(dearest, used, p -> splitRatio(p) > 0,
                    p -> p.add(CorporateAction.split(300 + p.random.nextInt(900), splitRatio(p), -1).withHalt(3)));
            take(dearest, used, p -> true, p -> p.add(rights(p, 300 + p.random.nextInt(1500))));
            take(dearest, used, p -> true, p -> {
                p.alwaysPays = true;
                return true;
            });
        }
    }

    /** Plans an action on the first unused issue of the pool that is suitable and where it fits. */
    private static void take(List<Plan> pool, Set<Plan> used, Predicate<Plan> suitable, Predicate<Plan> plan) {
        for (Plan p : pool) {
            if (!used.contains(p) && suitable.test(p) && plan.test(p)) {
                used.add(p);
                return;
            }
        }
    }

    /** The largest of 10, 5, 2 that leaves a whole par value of at least 100 KRW. */
    private static int splitRatio(Plan p) {
        for (int n : new int[] {10, 5, 2}) {
            if (p.listing.parValue() % n == 0 && p.listing.parValue() / n >= 100) {
                return n;
            }
        }
        return 0;
    }

    private void planRandom(Plan p, boolean independent) {
        int firstYear = calendar.day(Math.max(0, p.firstDay)).getYear();
        int lastYear = calendar.day(Math.max(0, p.lastDay)).getYear();
        boolean payer = p.alwaysPays || p.random.nextDouble() < 1 / 3.0;
        boolean lowPriced = p.listing.initialPrice() < 2_500;
        for (int year = firstYear; year <= lastYear; year++) {
            // Every draw is made every year, so one outcome never shifts another issue's or year's draws.
            double bonus = p.random.nextDouble();
            double rights = p.random.nextDouble();
            double stock = p.random.nextDouble();
            double reverse = p.random.nextDouble();
            double reduction = p.random.nextDouble();
            int day = calendar.ceilIndex(LocalDate.of(year, 1, 1)) + p.random.nextInt(240);
            if (!independent) {
                continue;
            }
            if (bonus < 0.007) {
                p.add(bonus(p, day));
            } else if (rights < 0.008) {
                p.add(rights(p, day));
            } else if (stock < 0.003) {
                p.add(stockDividend(p, year));
            } else if (lowPriced && reverse < 0.012) {
                p.add(consolidation(p, ActionType.REVERSE_SPLIT, day, 0));
            } else if (lowPriced && reduction < 0.008) {
                p.add(consolidation(p, ActionType.CAPITAL_REDUCTION, day, 0));
            }
        }
        for (int year = firstYear; year <= lastYear; year++) {
            double pays = p.random.nextDouble();
            double yield = 0.005 + p.random.nextDouble() * 0.045;
            int exDay = dividendExDay(calendar, year);
            if (payer && (p.alwaysPays || pays < 0.9) && !p.listing.haltedOn(exDay)) {
                p.add(new CorporateAction(ActionType.CASH_DIVIDEND, exDay, 0, 0, yield, -1, -1, year));
            }
        }
    }

    private static CorporateAction bonus(Plan p, int day) {
        double rate = BONUS_RATES[p.random.nextInt(BONUS_RATES.length)];
        return new CorporateAction(ActionType.BONUS_ISSUE, day, 0, rate, 0, -1, day + BONUS_LISTING_DELAY, 0);
    }

    private static CorporateAction rights(Plan p, int day) {
        double rate = RIGHTS_RATES[p.random.nextInt(RIGHTS_RATES.length)];
        double fraction = 0.7 + p.random.nextDouble() * 0.15;
        return new CorporateAction(ActionType.RIGHTS_OFFERING, day, 0, rate, fraction, -1,
                day + RIGHTS_LISTING_DELAY, 0);
    }

    /** A stock dividend's new shares are listed on the first trading day of April after the fiscal year. */
    private CorporateAction stockDividend(Plan p, int fiscalYear) {
        double rate = STOCK_DIVIDEND_RATES[p.random.nextInt(STOCK_DIVIDEND_RATES.length)];
        int exDay = dividendExDay(calendar, fiscalYear);
        return new CorporateAction(ActionType.STOCK_DIVIDEND, exDay, 0, rate, 0, -1,
                calendar.ceilIndex(LocalDate.of(fiscalYear + 1, 4, 1)), fiscalYear);
    }

    /** A reverse split (halted 3–8 days) or capital reduction (halted 10–20 days) n→1 on {@code from + [0, span)}. */
    private static CorporateAction consolidation(Plan p, ActionType type, int from, int span) {
        int day = span > 0 ? from + p.random.nextInt(span) : from;
        int ratio = type == ActionType.REVERSE_SPLIT ? new int[] {5, 10}[p.random.nextInt(2)]
                : new int[] {2, 3, 5, 10}[p.random.nextInt(4)];
        int halt = type == ActionType.REVERSE_SPLIT ? 3 + p.random.nextInt(6) : 10 + p.random.nextInt(11);
        return new CorporateAction(type, day, ratio, 0, 0, -1, day, 0).withHalt(halt);
    }

    /** One issue's actions while they are planned. */
    private final class Plan {
        final Listing listing;
        final SplittableRandom random;
        final int firstDay;
        final int lastDay;
        final List<CorporateAction> actions = new ArrayList<>();
        boolean alwaysPays;

        Plan(Listing listing) {
            this.listing = listing;
            this.random = Seeds.random(seed, PLAN_STREAM, listing.index());
            this.firstDay = calendar.ceilIndex(listing.listDate());
            this.lastDay = listing.delistDate() == null ? calendar.size() - 1
                    : calendar.ceilIndex(listing.delistDate()) - 1;
            for (CorporateAction action : listing.actions()) {
                add(action);
            }
        }

        /** Adds the action when it fits the issue's trading days and keeps the gap to the others. */
        boolean add(CorporateAction action) {
            int start = action.haltFrom() >= 0 ? action.haltFrom() : action.exDay();
            if (start <= firstDay + 20 || action.exDay() > lastDay || action.sharesDay() > lastDay) {
                return false;
            }
            if (!action.type().halts() && listing.haltedOn(action.exDay())) {
                return false;
            }
            for (CorporateAction other : actions) {
                if (Math.abs(other.exDay() - action.exDay()) < MIN_GAP) {
                    return false;
                }
            }
            return actions.add(action);
        }

        Listing build() {
            List<CorporateAction> sorted = actions.stream().sorted(Comparator.comparingInt(CorporateAction::exDay)).toList();
            int[] halts = listing.halts();
            for (CorporateAction action : sorted) {
                if (action.haltFrom() >= 0) {
                    halts = Arrays.copyOf(halts, halts.length + 2);
                    halts[halts.length - 2] = action.haltFrom();
                    halts[halts.length - 1] = action.exDay() - 1;
                }
            }
            return listing.withActions(sorted, halts);
        }
    }
}
