package io.kmarket.scheduler.collect.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.TaskStatus;

/**
 * What the action-evidence job reads to decide what to ask KRX for: how far back prices go, when each task last
 * succeeded (ops.fetch_execution_logs, where the engine records every task), and which stocks show a possible
 * share consolidation whose par value history has not been read since.
 */
@ApplicationScoped
public class ActionEvidenceStore {

    /**
     * How far before the first scanned day the previous stored day is looked for. A halted stock is listed with its
     * standing close every day of its halt, so its previous day is never far; a month and a half of KRX closures
     * and halts fits.
     */
    static final int PREVIOUS_DAY_REACH_DAYS = 60;

    private final Jdbc jdbc;

    ActionEvidenceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The first day any stock has a stored price. */
    public Optional<LocalDate> firstPriceDate() {
        return jdbc.first("SELECT min(trade_date) FROM market.daily_prices", row -> Optional.ofNullable(
                Jdbc.date(row, 1))).flatMap(first -> first);
    }

    /** Per task key of the site's dataset, when a task with that key last started and succeeded. */
    public Map<String, Instant> lastSuccesses(String site, Dataset dataset) {
        return jdbc.query("""
                SELECT task_key, max(started_at) AS started_at FROM ops.fetch_execution_logs
                 WHERE site_code = ? AND dataset = ? AND status = ?
                 GROUP BY task_key""",
                row -> Map.entry(row.getString("task_key"), Jdbc.instant(row, "started_at")),
                site, dataset.name(), TaskStatus.SUCCESS.value())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Stocks with a day in {@code from..to} whose reference price is above the previous stored day's close while the
     * listed shares fell (what a share consolidation or a capital reduction looks like on its re-listing day), and
     * whose par value history was not read on or after the latest such day (in Korea). Ordered by code.
     */
    public List<String> consolidationCandidates(LocalDate from, LocalDate to) {
        return jdbc.query("""
                WITH days AS (
                    SELECT code, trade_date, base_price, shares_out,
                           lag(close) OVER w AS previous_close, lag(shares_out) OVER w AS previous_shares
                      FROM market.daily_prices
                     WHERE trade_date BETWEEN ? AND ?
                    WINDOW w AS (PARTITION BY code ORDER BY trade_date)
                ), latest AS (
                    SELECT code, max(trade_date) AS day FROM days
                     WHERE trade_date >= ? AND base_price > previous_close AND shares_out < previous_shares
                     GROUP BY code
                )
                SELECT l.code FROM latest l
                 WHERE NOT EXISTS (SELECT 1 FROM market.par_value_history_checks c
                                    WHERE c.code = l.code AND c.checked_at >= (l.day::timestamp AT TIME ZONE ?))
                 ORDER BY l.code""",
                row -> row.getString(1), from.minusDays(PREVIOUS_DAY_REACH_DAYS), to, from, MarketTime.ZONE_ID);
    }
}
