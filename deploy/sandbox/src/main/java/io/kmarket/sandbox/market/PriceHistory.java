package io.kmarket.sandbox.market;

import java.util.SplittableRandom;

/**
 * The simulated daily closes of one issue, stored as one int per trading day (a 12-year history of the whole
 * market is ~40 MB); open, high, low, volume and value are re-derived on demand from a per-day random stream.
 */
public final class PriceHistory {

    private final Listing listing;
    private final TradingCalendar calendar;
    private final long seed;
    private final int firstDay;
    private final int lastDay;
    private final int[] closes;

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
        double startLog = Math.log((double) price / adjustmentFactor(firstDay - 1));
        double anchorLog = anchored ? Math.log(listing.anchorPrice()) : 0;
        int splitCursor = 0;
        for (int day = firstDay; day <= lastDay; day++) {
            long base = price;
            while (splitCursor < listing.splits().size() && listing.splits().get(splitCursor).dayIndex() <= day) {
                Split split = listing.splits().get(splitCursor++);
                if (split.dayIndex() == day) {
                    base = TickSize.round((double) base / split.ratio());
                }
            }
            double shock = random.nextGaussian();
            if (random.nextDouble() < 0.01) {
                shock *= 4; // rare news days give the fat tails real returns have
            }
            if (!listing.haltedOn(day)) {
                double ret = listing.drift() + listing.volatility() * shock;
                if (anchored) {
                    // Mean reversion towards a log-linear path to the anchor level keeps famous names recognisable.
                    double progress = Math.min(1, (double) (day - firstDay) / (listing.anchorDay() - firstDay));
                    double target = startLog + (anchorLog - startLog) * progress;
                    ret += 0.02 * (target - Math.log((double) base / adjustmentFactor(day)));
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
    }

    public long close(int day) {
        return closes[day - firstDay];
    }

    /** Shares listed on {@code day}: the initial count times every split effective by then. */
    public long shares(int day) {
        long shares = listing.initialShares();
        for (Split split : listing.splits()) {
            if (split.dayIndex() <= day) {
                shares *= split.ratio();
            }
        }
        return shares;
    }

    /** Product of the ratios of splits after {@code day}: divide a price of that day by it to adjust it. */
    public long adjustmentFactor(int day) {
        long factor = 1;
        for (Split split : listing.splits()) {
            if (split.dayIndex() > day) {
                factor *= split.ratio();
            }
        }
        return factor;
    }

    public long base(int day) {
        if (day == firstDay) {
            return TickSize.round(listing.initialPrice());
        }
        long base = close(day - 1);
        for (Split split : listing.splits()) {
            if (split.dayIndex() == day) {
                base = TickSize.round((double) base / split.ratio());
            }
        }
        return base;
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

    public Bar adjustedBar(int day) {
        return bar(day).adjusted(adjustmentFactor(day));
    }

    /** The day as Naver serves it: adjusted prices, unadjusted volume (see {@link Bar#naverAdjusted}). */
    public Bar naverBar(int day) {
        return bar(day).naverAdjusted(adjustmentFactor(day));
    }
}
