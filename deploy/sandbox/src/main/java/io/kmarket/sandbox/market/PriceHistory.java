package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated daily closes of one issue, stored as one int per trading day (a 12-year history of the whole
 * market is ~40 MB); open, high, low, volume and value are re-derived on demand from a per-day random stream.
 * Corporate actions are resolved on the path (their reference price needs the previous close) and kept as a
 * short list with the share and par schedules they imply; the cumulative factors are products over that list.
 */
public final class PriceHistory {

    private final Listing listing;
    private final TradingCalendar calendar;
    private final long seed;
    private final int firstDay;
    private final int lastDay;
    private final int[] closes;
    private List<AppliedAction> actions;
    private int[] shareDays;
    private long[] shareCounts;
    private int[] parDays;
    private int[] parValues;

    PriceHistory(long seed, Listing listing, TradingCalendar calendar) {
        this.seed = seed;
        this.listing = listing;
        this.calendar = calendar;
        this.firstDay = calendar.ceilIndex(listing.listDate());
        this.lastDay = listing.delistDate() == null ? calendar.size() - 1 : calendar.ceilIndex(listing.delistDate()) - 1;
        this.closes = new int[Math.max(0, lastDay - firstDay + 1)];
        simulate();
    }

    public Listing listing() {
        return listing;
    }

    public int firstDay() {
        return firstDay;
    }

    public int lastDay() {
        return lastDay;
    }

    public boolean trades(int day) {
        return day >= firstDay && day <= lastDay;
    }

    private void simulate() {
        SplittableRandom random = Seeds.random(seed, 10, listing.index());
        long price = TickSize.round(listing.initialPrice());
        boolean anchored = listing.anchorPrice() > 0 && listing.anchorDay() > firstDay;
        double startLog = Math.log(price * nominalFactor(firstDay - 1));
        double anchorLog = anchored ? Math.log(listing.anchorPrice()) : 0;
        List<AppliedAction> applied = new ArrayList<>();
        Schedule schedule = new Schedule(listing.initialShares(), listing.parValue());
        int cursor = 0;
        for (int day = firstDay; day <= lastDay; day++) {
            long base = price;
            double dividendDrop = 0;
            while (cursor < listing.actions().size() && listing.actions().get(cursor).exDay() <= day) {
                CorporateAction planned = listing.actions().get(cursor++);
                AppliedAction action = planned.exDay() == day && day > firstDay ? apply(planned, price, schedule) : null;
                if (action == null) {
                    continue;
                }
                applied.add(action);
                if (planned.type().referencePrice()) {
                    base = action.referencePrice();
                } else {
                    dividendDrop += (double) action.cashAmount() / action.previousClose();
                }
            }
            double shock = random.nextGaussian();
            if (random.nextDouble() < 0.01) {
                shock *= 4; // rare news days give the fat tails real returns have
            }
            if (!listing.haltedOn(day)) {
                // On a cash dividend's ex-date the market marks the price down by about the dividend; KRX does not.
                double ret = listing.drift() + listing.volatility() * shock - dividendDrop;
                if (anchored) {
                    // Mean reversion towards a log-linear path to the anchor level keeps famous names recognisable.
                    double progress = Math.min(1, (double) (day - firstDay) / (listing.anchorDay() - firstDay));
                    double target = startLog + (anchorLog - startLog) * progress;
                    ret += 0.02 * (target - Math.log(base * nominalFactor(day)));
                }
                if (base < 500) {
                    ret += 0.002; // penny stocks drift back up instead of sinking to the 1 KRW floor
                }
                long close = TickSize.round(base * (1 + ret));
                price = Math.clamp(close, TickSize.lowerLimit(base), TickSize.upperLimit(base));
                price = Math.min(price, 4_000_000);
            } else {
                price = base;
            }
            closes[day - firstDay] = (int) price;
        }
        this.actions = List.copyOf(applied);
        this.shareDays = schedule.shareDays.stream().mapToInt(Integer::intValue).toArray();
        this.shareCounts = schedule.shareCounts.stream().mapToLong(Long::longValue).toArray();
        this.parDays = schedule.parDays.stream().mapToInt(Integer::intValue).toArray();
        this.parValues = schedule.parValues.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The listed shares and par value as the applied actions change them, in ex-date order. */
    private static final class Schedule {
        long shares;
        int par;
        final List<Integer> shareDays = new ArrayList<>();
        final List<Long> shareCounts = new ArrayList<>();
        final List<Integer> parDays = new ArrayList<>();
        final List<Integer> parValues = new ArrayList<>();

        Schedule(long shares, int par) {
            this.shares = shares;
            this.par = par;
        }
    }

    /**
     * The ex-date of a planned action on the path so far ({@code previous} = P), or null when it does not happen:
     * bonus issues and stock dividends of stocks under 1,000 KRW would be indistinguishable from a rights
     * offering within tick rounding, and a split to under 100 KRW from another ratio, so the sandbox skips them.
     */
    private AppliedAction apply(CorporateAction planned, long previous, Schedule schedule) {
        long sharesBefore = schedule.shares;
        int parBefore = schedule.par;
        long base = previous;
        long sharesAfter = sharesBefore;
        int parAfter = parBefore;
        long cash = 0;
        long issuePrice = 0;
        int n = planned.ratio();
        double r = planned.rate();
        switch (planned.type()) {
            case SPLIT -> {
                if (previous < 100L * n) {
                    return null; // tick rounding of a price under 100 KRW would blur the ratio beyond 1 %
                }
                base = TickSize.round((double) previous / n);
                sharesAfter = sharesBefore * n;
                parAfter = parBefore / n;
            }
            case REVERSE_SPLIT, CAPITAL_REDUCTION -> {
                base = TickSize.round((double) previous * n);
                sharesAfter = sharesBefore / n;
                parAfter = planned.type() == ActionType.REVERSE_SPLIT ? parBefore * n : parBefore;
            }
            case BONUS_ISSUE, STOCK_DIVIDEND -> {
                if (previous < 1_000) {
                    return null;
                }
                base = TickSize.round(previous / (1 + r));
                sharesAfter = sharesBefore + (long) Math.floor(sharesBefore * r);
            }
            case RIGHTS_OFFERING -> {
                // r = 1/q, so the issue price (q+1)·base − q·P is exactly what the reference price implies.
                long q = Math.round(1 / r);
                long target = Math.round(previous * planned.priceFraction());
                base = TickSize.round((previous + target * r) / (1 + r));
                issuePrice = (q + 1) * base - q * previous;
                if (issuePrice <= 0 || issuePrice >= previous) {
                    return null;
                }
                sharesAfter = sharesBefore + sharesBefore / q;
            }
            case CASH_DIVIDEND -> cash = Math.max(5, Math.round(previous * planned.priceFraction() / 5) * 5);
        }
        if (cash >= previous) {
            return null;
        }
        double factor = planned.type() == ActionType.CASH_DIVIDEND ? (double) (previous - cash) / previous
                : (double) base / previous;
        LocalDate changedOn = null;
        if (planned.type() != ActionType.CASH_DIVIDEND) {
            changedOn = planned.sharesDay() < calendar.size() ? calendar.day(planned.sharesDay()) : null;
            schedule.shares = sharesAfter;
            schedule.shareDays.add(planned.sharesDay());
            schedule.shareCounts.add(sharesAfter);
        }
        if (parAfter != parBefore) {
            schedule.par = parAfter;
            schedule.parDays.add(planned.exDay());
            schedule.parValues.add(parAfter);
        }
        return new AppliedAction(planned, calendar.day(planned.exDay()), previous, base, cash, issuePrice, factor,
                sharesBefore, sharesAfter, changedOn, parBefore, parAfter);
    }

    /** Product of 1/m of the planned share-count actions after {@code day}: the anchor's share terms. */
    private double nominalFactor(int day) {
        double factor = 1;
        for (CorporateAction action : listing.actions()) {
            if (action.exDay() > day) {
                factor /= action.nominalMultiplier();
            }
        }
        return factor;
    }

    public long close(int day) {
        return closes[day - firstDay];
    }

    /** The actions that happened on the path (every planned one that applied), in ex-date order. */
    public List<AppliedAction> actions() {
        return actions;
    }

    /** Shares listed on {@code day}, per the share schedule of the applied actions. */
    public long shares(int day) {
        long shares = listing.initialShares();
        for (int i = 0; i < shareDays.length && shareDays[i] <= day; i++) {
            shares = shareCounts[i];
        }
        return shares;
    }

    /** Par value (KRW) on {@code day}: splits divide it, reverse splits multiply it. */
    public int par(int day) {
        int par = listing.parValue();
        for (int i = 0; i < parDays.length && parDays[i] <= day; i++) {
            par = parValues[i];
        }
        return par;
    }

    /**
     * The cumulative price factor of {@code day}: the product of f of the actions {@code kind} includes whose
     * ex-date is after the day (1 on and after the last ex-date).
     */
    public double factor(int day, Adjustment kind) {
        double factor = 1;
        for (AppliedAction action : actions) {
            if (action.exDay() > day && kind.includes(action.type())) {
                factor *= action.priceFactor();
            }
        }
        return factor;
    }

    /** KRX's reference price of the day: the previous close, or the one an action set on its ex-date. */
    public long base(int day) {
        if (day == firstDay) {
            return TickSize.round(listing.initialPrice());
        }
        for (AppliedAction action : actions) {
            if (action.exDay() == day && action.type().referencePrice()) {
                return action.referencePrice();
            }
        }
        return close(day - 1);
    }

    /**
     * KIS's {@code flng_cls_code} of the day: {@code 01} 권리락 (bonus issue or rights offering), {@code 02} 배당락
     * (cash or stock dividend), {@code 04} 권배락 (both), {@code 00} otherwise.
     */
    public String exRightsCode(int day) {
        boolean rights = false;
        boolean dividend = false;
        for (AppliedAction action : actions) {
            if (action.exDay() == day) {
                rights |= action.type() == ActionType.BONUS_ISSUE || action.type() == ActionType.RIGHTS_OFFERING;
                dividend |= action.type().dividend();
            }
        }
        return rights && dividend ? "04" : rights ? "01" : dividend ? "02" : "00";
    }

    public Bar bar(int day) {
        long close = close(day);
        long base = base(day);
        long shares = shares(day);
        if (listing.haltedOn(day)) {
            return new Bar(calendar.day(day), 0, 0, 0, close, base, 0, 0, shares, true);
        }
        SplittableRandom random = Seeds.random(seed, 11, listing.index(), day);
        long upper = TickSize.upperLimit(base);
        long lower = TickSize.lowerLimit(base);
        long open = Math.clamp(TickSize.round(base * (1 + random.nextGaussian() * listing.volatility() * 0.4)),
                lower, upper);
        double range = listing.volatility() * 0.5;
        long high = Math.clamp(TickSize.ceil(Math.max(open, close) * (1 + Math.abs(random.nextGaussian()) * range)),
                Math.max(open, close), upper);
        long low = Math.clamp(TickSize.floor(Math.min(open, close) * (1 - Math.abs(random.nextGaussian()) * range)),
                lower, Math.min(open, close));
        double move = Math.abs((double) close / base - 1);
        double volumeMean = shares * listing.turnover() * (1 + 12 * move);
        long volume = Math.max(1, (long) (volumeMean * Math.exp(random.nextGaussian() * 0.5 - 0.125)));
        // The average traded price lies between the day's low and high, so value / volume always does too.
        double averagePrice = low + (high - low) * (0.3 + 0.4 * random.nextDouble());
        long value = Math.clamp(Math.round(volume * averagePrice), volume * low, volume * high);
        return new Bar(calendar.day(day), open, high, low, close, base, volume, value, shares, false);
    }

    /** The day as KRX's adjusted series serves it: prices × F_split, volume / F_split. */
    public Bar adjustedBar(int day) {
        return bar(day).adjusted(factor(day, Adjustment.SPLIT));
    }

    /** The day as Naver serves it: prices × F_naver, unadjusted volume (see {@link Bar#naverAdjusted}). */
    public Bar naverBar(int day) {
        return bar(day).naverAdjusted(factor(day, Adjustment.NAVER));
    }
}
