package io.kmarket.scheduler.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.LongUnaryOperator;

/**
 * A stock's raw KRX rows as the test writes them into market.daily_prices: an ordinary day's reference price is
 * the previous close and its close moves a little from it; an ex-date's reference price comes from the event, the
 * listed shares follow their schedule, a halted day stands at the previous close without volume.
 */
final class StockHistory {

    final String code;
    final List<LocalDate> days;
    private final long firstClose;
    private final long firstShares;
    private final Map<Integer, LongUnaryOperator> events = new HashMap<>();
    private final Map<Integer, Long> shareChanges = new HashMap<>();
    private final Set<Integer> halted = new HashSet<>();
    private final Set<Integer> missing = new HashSet<>();
    private long[] close;
    private long[] base;
    private long[] shares;

    StockHistory(String code, List<LocalDate> days, long firstClose, long firstShares) {
        this.code = code;
        this.days = days;
        this.firstClose = firstClose;
        this.firstShares = firstShares;
    }

    /** On day {@code index} KRX sets the reference price from the previous close P by {@code base}. */
    StockHistory event(int index, LongUnaryOperator base) {
        events.put(index, base);
        return this;
    }

    /** From day {@code index} on the listed shares are {@code shares}. */
    StockHistory shares(int index, long shares) {
        shareChanges.put(index, shares);
        return this;
    }

    StockHistory halt(int from, int to) {
        for (int i = from; i <= to; i++) {
            halted.add(i);
        }
        return this;
    }

    /** No row is stored for day {@code index} (a gap in the data); KRX's next reference price is still its close. */
    StockHistory missing(int index) {
        missing.add(index);
        return this;
    }

    StockHistory build() {
        int n = days.size();
        close = new long[n];
        base = new long[n];
        shares = new long[n];
        long s = firstShares;
        for (int i = 0; i < n; i++) {
            long previous = i == 0 ? firstClose : close[i - 1];
            base[i] = events.containsKey(i) ? events.get(i).applyAsLong(previous) : previous;
            // A small deterministic move around the reference price: -0.4 % .. +0.4 %.
            close[i] = halted.contains(i) ? base[i] : Math.max(1, base[i] + base[i] * ((i % 5) - 2) / 500);
            s = shareChanges.getOrDefault(i, s);
            shares[i] = s;
        }
        return this;
    }

    long close(int i) {
        return close[i];
    }

    long base(int i) {
        return base[i];
    }

    long shares(int i) {
        return shares[i];
    }

    LocalDate day(int i) {
        return days.get(i);
    }

    int index(LocalDate day) {
        return days.indexOf(day);
    }

    boolean stored(int i) {
        return !missing.contains(i);
    }

    List<String> inserts() {
        List<String> statements = new ArrayList<>();
        StringJoiner values = new StringJoiner(",\n");
        for (int i = 0; i < days.size(); i++) {
            if (missing.contains(i)) {
                continue;
            }
            long volume = halted.contains(i) ? 0 : 1000 + i;
            values.add("('%s', '%s', %d, %d, %d, %d, %d, %d, %d, %d, 'KRX')".formatted(code, days.get(i),
                    close[i], close[i], close[i], close[i], volume, volume * close[i], shares[i], base[i]));
        }
        statements.add("INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume,"
                + " trading_value, shares_out, base_price, source) VALUES " + values);
        return statements;
    }

    /** KRX's tick size rounding (호가가격단위, since 2023). */
    static long tick(double price) {
        long tick = price < 2_000 ? 1 : price < 5_000 ? 5 : price < 20_000 ? 10 : price < 50_000 ? 50
                : price < 200_000 ? 100 : price < 500_000 ? 500 : 1_000;
        return Math.round(price / tick) * tick;
    }
}
