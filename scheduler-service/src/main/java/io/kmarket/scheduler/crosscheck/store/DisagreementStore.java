package io.kmarket.scheduler.crosscheck.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.crosscheck.store.SourceBars.Disagreement;
import io.kmarket.scheduler.crosscheck.store.SourceBars.KrxBar;
import io.kmarket.scheduler.crosscheck.store.SourceBars.NaverBar;
import io.kmarket.scheduler.crosscheck.store.SourceBars.StockDay;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The cross-check's reads of KRX's and Naver's bars and its writes to market.source_disagreements. A Naver bar
 * counts for a date only when it was collected after KRX's bar of that date: an older one may predate a correction.
 */
@ApplicationScoped
public class DisagreementStore {

    private static final String FRESH_NAVER = """
            n.source = 'NAVER' AND n.code = d.code AND n.trade_date = d.trade_date AND n.collected_at >= d.collected_at""";

    private final Jdbc jdbc;

    DisagreementStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The stocks KRX priced on the date whose Naver bar is missing or older than KRX's: those to ask Naver. */
    public List<String> codesWithoutFreshNaverBar(LocalDate date) {
        return jdbc.query("SELECT d.code FROM market.daily_prices d WHERE d.trade_date = ? AND NOT EXISTS ("
                + "SELECT 1 FROM market.source_daily_prices n WHERE " + FRESH_NAVER + ") ORDER BY d.code",
                rs -> rs.getString(1), date);
    }

    /** Every stock KRX priced on the date, with Naver's fresh bar (or none) and the shares to see splits. */
    public List<StockDay> stockDays(LocalDate date) {
        return jdbc.query("""
                SELECT d.code, d.open, d.high, d.low, d.close, d.volume, d.source, d.shares_out,
                       (SELECT l.shares_out FROM market.daily_prices l
                         WHERE l.code = d.code AND l.trade_date >= d.trade_date AND l.shares_out IS NOT NULL
                         ORDER BY l.trade_date DESC LIMIT 1) AS latest_shares,
                       n.open AS n_open, n.high AS n_high, n.low AS n_low, n.close AS n_close, n.volume AS n_volume,
                       n.halted AS n_halted, n.source AS n_source
                  FROM market.daily_prices d
                  LEFT JOIN market.source_daily_prices n ON (""" + FRESH_NAVER
                + ") WHERE d.trade_date = ? ORDER BY d.code",
                rs -> {
                    KrxBar krx = new KrxBar(rs.getString("code"), rs.getLong("open"), rs.getLong("high"),
                            rs.getLong("low"), rs.getLong("close"), rs.getLong("volume"), rs.getString("source"));
                    NaverBar naver = rs.getString("n_source") == null ? null
                            : new NaverBar(Jdbc.nullableLong(rs, "n_open"), Jdbc.nullableLong(rs, "n_high"),
                                    Jdbc.nullableLong(rs, "n_low"), rs.getLong("n_close"), rs.getLong("n_volume"),
                                    rs.getBoolean("n_halted"), rs.getString("n_source"));
                    return new StockDay(krx, naver, Jdbc.nullableLong(rs, "shares_out"),
                            Jdbc.nullableLong(rs, "latest_shares"));
                }, date);
    }

    /**
     * Records the date's disagreements among the compared stocks in one transaction: a disagreement seen again keeps
     * its first detection; one of a compared stock no longer seen is marked resolved, never deleted.
     */
    public void record(LocalDate date, Collection<String> compared, List<Disagreement> found, Instant now) {
        QuarkusTransaction.joiningExisting().run(() -> {
            jdbc.batch("""
                    INSERT INTO market.source_disagreements (trade_date, code, field, krx_value, naver_value,
                        adjustment_factor, krx_source, naver_source, detected_at, last_seen_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (trade_date, code, field) DO UPDATE SET krx_value = EXCLUDED.krx_value,
                        naver_value = EXCLUDED.naver_value, adjustment_factor = EXCLUDED.adjustment_factor,
                        krx_source = EXCLUDED.krx_source, naver_source = EXCLUDED.naver_source,
                        last_seen_at = EXCLUDED.last_seen_at, resolved_at = NULL""",
                    found, d -> new Object[] {date, d.code(), d.field(), d.krxValue(), d.naverValue(), d.factor(),
                        d.krxSource(), d.naverSource(), now, now});
            jdbc.update("""
                    UPDATE market.source_disagreements SET resolved_at = ?
                     WHERE trade_date = ? AND resolved_at IS NULL AND code = ANY (?)
                       AND code || ':' || field <> ALL (?)""",
                    now, date, compared.toArray(String[]::new),
                    found.stream().map(d -> d.code() + ":" + d.field()).toArray(String[]::new));
        });
    }
}
