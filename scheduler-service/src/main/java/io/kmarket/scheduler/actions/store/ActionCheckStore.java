package io.kmarket.scheduler.actions.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.actions.store.ActionRows.Check;
import io.kmarket.scheduler.actions.store.ActionRows.MissingNaverBars;
import io.kmarket.scheduler.actions.store.ActionRows.NaverPair;

/**
 * The second sources of the live actions: Naver's adjusted bars around each reference-price ex-date, and
 * market.corporate_action_checks.
 */
@ApplicationScoped
public class ActionCheckStore {

    /**
     * Naver's two bars count only as a pair fetched together (one chart, one transaction, hence one collected_at)
     * after KRX's ex-date row: Naver re-adjusts its whole series at every later action, so two bars of different
     * fetches may carry different adjustments, and a bar fetched before the ex-date carries none for it yet.
     */
    private static final String PAIRS = """
            FROM market.corporate_actions a
            JOIN market.daily_prices r1 ON r1.code = a.code AND r1.trade_date = a.ex_date
            JOIN market.daily_prices r0 ON r0.code = a.code AND r0.trade_date = (a.evidence->>'previousDate')::date
            LEFT JOIN market.source_daily_prices n1 ON n1.source = 'NAVER' AND n1.adjusted AND n1.code = a.code
                 AND n1.trade_date = a.ex_date AND n1.collected_at >= r1.collected_at
            LEFT JOIN market.source_daily_prices n0 ON n0.source = 'NAVER' AND n0.adjusted AND n0.code = a.code
                 AND n0.trade_date = r0.trade_date AND n0.collected_at = n1.collected_at
            WHERE a.event = 'reference_price' AND a.withdrawn_at IS NULL""";

    private final Jdbc jdbc;

    public ActionCheckStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The live reference-price actions with both Naver bars. */
    public List<NaverPair> naverPairs() {
        return jdbc.query("SELECT a.code, a.ex_date, n0.close AS n0, r0.close AS r0, n1.close AS n1, r1.close AS r1 "
                + PAIRS + " AND n0.close > 0 AND n1.close > 0 AND r0.close > 0 AND r1.close > 0",
                rs -> new NaverPair(rs.getString("code"), Jdbc.date(rs, "ex_date"), rs.getLong("n0"),
                        rs.getLong("r0"), rs.getLong("n1"), rs.getLong("r1")));
    }

    /**
     * Live reference-price actions of listed stocks without both Naver bars, newest first, leaving out a stock whose
     * chart Naver already answered since the action last changed (asking again would bring the same answer). Both
     * instants come from this service's clock.
     */
    public List<MissingNaverBars> missingNaverBars() {
        return jdbc.query("SELECT a.code, r0.trade_date AS previous_date, a.ex_date " + PAIRS + """
                   AND n0.code IS NULL
                   AND NOT EXISTS (SELECT 1 FROM market.stocks s WHERE s.code = a.code AND s.delisted_on IS NOT NULL)
                   AND NOT EXISTS (SELECT 1 FROM ops.fetch_execution_logs l
                                    WHERE l.site_code = 'NAVER' AND l.started_at >= a.updated_at
                                      AND l.status = 'success' AND l.task_key LIKE 'DAILY_CHART:' || a.code || ':%')
                 ORDER BY a.ex_date DESC, a.code""",
                rs -> new MissingNaverBars(rs.getString("code"), Jdbc.date(rs, "previous_date"),
                        Jdbc.date(rs, "ex_date")));
    }

    /** The stored checks by code, ex-date, event and source. */
    public Map<String, Check> stored() {
        Map<String, Check> stored = new HashMap<>();
        jdbc.query("""
                SELECT code, ex_date, event, source, their_factor, our_factor, agrees, detail
                  FROM market.corporate_action_checks""",
                rs -> new Check(rs.getString("code"), Jdbc.date(rs, "ex_date"), rs.getString("event"),
                        rs.getString("source"), Jdbc.nullableDouble(rs, "their_factor"), rs.getDouble("our_factor"),
                        rs.getBoolean("agrees"), rs.getString("detail")))
                .forEach(c -> stored.put(key(c), c));
        return stored;
    }

    public static String key(Check check) {
        return check.code() + ':' + check.exDate() + ':' + check.event() + ':' + check.source();
    }

    /** Inserts or replaces the given checks (the caller holds the transaction). */
    public void write(List<Check> checks, Instant now) {
        jdbc.batch("""
                INSERT INTO market.corporate_action_checks (code, ex_date, event, source, their_factor, our_factor,
                    agrees, detail, checked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code, ex_date, event, source) DO UPDATE SET their_factor = EXCLUDED.their_factor,
                    our_factor = EXCLUDED.our_factor, agrees = EXCLUDED.agrees, detail = EXCLUDED.detail,
                    checked_at = EXCLUDED.checked_at""",
                checks, c -> new Object[] {c.code(), c.exDate(), c.event(), c.source(), c.theirFactor(),
                    c.ourFactor(), c.agrees(), c.detail(), now});
    }
}
