package io.kmarket.scheduler.actions.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.actions.store.ActionRows.Close;
import io.kmarket.scheduler.actions.store.ActionRows.Dividend;
import io.kmarket.scheduler.actions.store.ActionRows.ParChange;
import io.kmarket.scheduler.actions.store.ActionRows.PriceStep;

/**
 * The collected evidence of corporate actions: the steps of the whole market's daily rows (one pass), KRX's
 * dividend screen, the par value changes and when each stock's par history was asked for.
 */
@ApplicationScoped
public class ActionEvidenceReader {

    /** Rows fetched per round trip of the streamed scan. */
    private static final int FETCH_SIZE = 10_000;

    /**
     * One pass over market.daily_prices in key order: each row next to the stock's previous stored row. Only the
     * rows that differ from it come back: a reference price other than the previous close (every candidate
     * event), and a share count change within ? calendar days after such a step (the listing of new shares that
     * classifies it). Everything else (almost every row) stays in the database.
     */
    private static final String STEPS = """
            SELECT code, trade_date, previous_date, close, base_price, shares_out, previous_close, previous_shares,
                   source
              FROM (SELECT s.*, max(CASE WHEN s.reference_step THEN s.trade_date END)
                                    OVER (PARTITION BY s.code ORDER BY s.trade_date) AS last_step
                      FROM (SELECT code, trade_date, close, base_price, shares_out, source,
                                   lag(trade_date) OVER w AS previous_date, lag(close) OVER w AS previous_close,
                                   lag(shares_out) OVER w AS previous_shares,
                                   base_price <> lag(close) OVER w AS reference_step
                              FROM market.daily_prices
                            WINDOW w AS (PARTITION BY code ORDER BY trade_date)) s) t
             WHERE previous_date IS NOT NULL
               AND (reference_step OR (shares_out <> previous_shares AND trade_date <= last_step + ?::int))
             ORDER BY code, trade_date""";

    private final Jdbc jdbc;

    public ActionEvidenceReader(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The days the derivation needs the calendar of: from the first stored price to the last stored price or the
     * last fiscal year-end month of a dividend, whichever is later. Empty without prices.
     */
    public Optional<LocalDate[]> span() {
        return jdbc.first("""
                SELECT (SELECT min(trade_date) FROM market.daily_prices),
                       GREATEST((SELECT max(trade_date) FROM market.daily_prices),
                                (SELECT max((make_date(fiscal_year, fiscal_month, 1) + INTERVAL '1 month'
                                             - INTERVAL '1 day')::date) FROM market.dividends))""",
                rs -> new LocalDate[] {Jdbc.date(rs, 1), Jdbc.date(rs, 2)})
                .filter(span -> span[0] != null);
    }

    /**
     * What the derivation reads, summed up: row counts and the latest collection instants of the prices, the
     * dividend screen and the par history, and the trading days. Every collected write moves collected_at, so an
     * equal fingerprint means the same evidence (a hand edit that leaves collected_at alone goes unseen). One pass
     * over the prices without sorting: a fraction of the derivation's.
     */
    public String fingerprint() {
        return jdbc.first("""
                SELECT concat_ws('|',
                       (SELECT count(*) || ':' || max(collected_at) FROM market.daily_prices),
                       (SELECT count(*) || ':' || max(collected_at) FROM market.dividends),
                       (SELECT count(*) || ':' || max(collected_at) FROM market.par_value_changes),
                       (SELECT count(*) || ':' || max(checked_at) FROM market.par_value_history_checks),
                       (SELECT count(*) FROM market.trading_calendar WHERE is_trading_day))""",
                rs -> rs.getString(1)).orElseThrow();
    }

    /** The steps of every stock, ordered by code and date; share changes up to {@code windowDays} after a step. */
    public List<PriceStep> steps(int windowDays) {
        List<PriceStep> steps = new ArrayList<>();
        jdbc.stream(STEPS, FETCH_SIZE, rs -> steps.add(new PriceStep(rs.getString("code"),
                Jdbc.date(rs, "trade_date"), Jdbc.date(rs, "previous_date"), rs.getLong("close"),
                Jdbc.nullableLong(rs, "base_price"), Jdbc.nullableLong(rs, "shares_out"),
                rs.getLong("previous_close"), Jdbc.nullableLong(rs, "previous_shares"), rs.getString("source"))),
                windowDays);
        return steps;
    }

    public List<Dividend> dividends() {
        return jdbc.query("""
                SELECT code, fiscal_year, fiscal_month, cash_per_share, stock_per_share, source
                  FROM market.dividends ORDER BY code, fiscal_year""",
                rs -> new Dividend(rs.getString("code"), rs.getInt("fiscal_year"), rs.getInt("fiscal_month"),
                        rs.getBigDecimal("cash_per_share"), rs.getBigDecimal("stock_per_share"),
                        rs.getString("source")));
    }

    /** Par value changes by code and date. */
    public Map<String, Map<LocalDate, ParChange>> parChanges() {
        Map<String, Map<LocalDate, ParChange>> byCode = new HashMap<>();
        jdbc.query("SELECT code, change_date, par_before, par_after FROM market.par_value_changes",
                rs -> new ParChange(rs.getString("code"), Jdbc.date(rs, "change_date"),
                        Jdbc.nullableLong(rs, "par_before"), Jdbc.nullableLong(rs, "par_after")))
                .forEach(p -> byCode.computeIfAbsent(p.code(), c -> new HashMap<>()).put(p.date(), p));
        return byCode;
    }

    /** When each stock's par value history was last asked for. */
    public Map<String, Instant> parChecks() {
        Map<String, Instant> checks = new HashMap<>();
        jdbc.query("SELECT code, checked_at FROM market.par_value_history_checks",
                rs -> checks.put(rs.getString("code"), Jdbc.instant(rs, "checked_at")));
        return checks;
    }

    /** The stored closes of the given stocks on the given dates ({@code codes[i]} on {@code dates[i]}). */
    public List<Close> closes(List<String> codes, List<LocalDate> dates) {
        return jdbc.query("""
                SELECT p.code, p.trade_date, p.close
                  FROM unnest(?::varchar[], ?::varchar[]::date[]) AS k(code, day)
                  JOIN market.daily_prices p ON p.code = k.code AND p.trade_date = k.day""",
                rs -> new Close(rs.getString("code"), Jdbc.date(rs, "trade_date"), rs.getLong("close")),
                codes.toArray(String[]::new), dates.stream().map(LocalDate::toString).toArray(String[]::new));
    }
}
