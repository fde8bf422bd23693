package io.kmarket.scheduler.actions.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.actions.store.ActionRows.Action;
import io.kmarket.scheduler.actions.store.ActionRows.ActionWrite;
import io.kmarket.scheduler.actions.store.ActionRows.FactorStep;
import io.kmarket.scheduler.actions.store.ActionRows.Key;
import io.kmarket.scheduler.actions.store.ActionRows.StoredAction;

/**
 * market.corporate_actions, market.adjustment_factors and market.adjustment_versions: what is stored, and one
 * batch of stocks written together (the caller holds the transaction), so a reader never sees a stock's actions
 * without the factors and the version that go with them.
 */
@ApplicationScoped
public class ActionStore {

    private final Jdbc jdbc;

    public ActionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored action, withdrawn ones included. */
    public Map<Key, StoredAction> stored() {
        Map<Key, StoredAction> stored = new HashMap<>();
        jdbc.query("""
                SELECT code, ex_date, event, action_type, shares_multiplier, cash_amount, issue_price, previous_close,
                       reference_price, price_factor, shares_before, shares_after, shares_changed_on,
                       evidence::text AS evidence, source, detected_at, classified_at, withdrawn_at
                  FROM market.corporate_actions""",
                rs -> new StoredAction(new Action(rs.getString("code"), Jdbc.date(rs, "ex_date"),
                        rs.getString("event"), rs.getString("action_type"),
                        Jdbc.nullableDouble(rs, "shares_multiplier"), rs.getBigDecimal("cash_amount"),
                        Jdbc.nullableLong(rs, "issue_price"), rs.getLong("previous_close"),
                        Jdbc.nullableLong(rs, "reference_price"), rs.getDouble("price_factor"),
                        Jdbc.nullableLong(rs, "shares_before"), Jdbc.nullableLong(rs, "shares_after"),
                        Jdbc.date(rs, "shares_changed_on"), rs.getString("evidence"), rs.getString("source")),
                        Jdbc.instant(rs, "detected_at"), Jdbc.instant(rs, "classified_at"),
                        Jdbc.instant(rs, "withdrawn_at")))
                .forEach(s -> stored.put(s.action().key(), s));
        return stored;
    }

    /** The stored factor steps by code, in ex-date order. */
    public Map<String, List<FactorStep>> factors() {
        Map<String, List<FactorStep>> byCode = new HashMap<>();
        jdbc.query("SELECT code, ex_date, split_factor, total_factor FROM market.adjustment_factors"
                + " ORDER BY code, ex_date",
                rs -> new FactorStep(rs.getString("code"), Jdbc.date(rs, "ex_date"), rs.getDouble("split_factor"),
                        rs.getDouble("total_factor")))
                .forEach(f -> byCode.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f));
        return byCode;
    }

    /**
     * Writes one batch: the new and changed actions (detected_at of a stored one kept), the withdrawals, the factor
     * steps of {@code codes} replaced by {@code factors}, and their versions moved on.
     */
    public void write(List<ActionWrite> upserts, List<Key> withdrawals, Collection<String> codes,
            List<FactorStep> factors, Instant now) {
        jdbc.batch("""
                INSERT INTO market.corporate_actions (code, ex_date, event, action_type, shares_multiplier,
                    cash_amount, issue_price, previous_close, reference_price, price_factor, shares_before,
                    shares_after, shares_changed_on, evidence, source, detected_at, classified_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (code, ex_date, event) DO UPDATE SET action_type = EXCLUDED.action_type,
                    shares_multiplier = EXCLUDED.shares_multiplier, cash_amount = EXCLUDED.cash_amount,
                    issue_price = EXCLUDED.issue_price, previous_close = EXCLUDED.previous_close,
                    reference_price = EXCLUDED.reference_price, price_factor = EXCLUDED.price_factor,
                    shares_before = EXCLUDED.shares_before, shares_after = EXCLUDED.shares_after,
                    shares_changed_on = EXCLUDED.shares_changed_on, evidence = EXCLUDED.evidence,
                    source = EXCLUDED.source, classified_at = EXCLUDED.classified_at,
                    updated_at = EXCLUDED.updated_at, withdrawn_at = NULL""",
                upserts, w -> {
                    Action a = w.action();
                    return new Object[] {a.code(), a.exDate(), a.event(), a.actionType(), a.sharesMultiplier(),
                        a.cashAmount(), a.issuePrice(), a.previousClose(), a.referencePrice(), a.priceFactor(),
                        a.sharesBefore(), a.sharesAfter(), a.sharesChangedOn(), a.evidence(), a.source(),
                        w.detectedAt(), w.classifiedAt(), w.updatedAt()};
                });
        jdbc.batch("""
                UPDATE market.corporate_actions SET withdrawn_at = ?, updated_at = ?
                 WHERE code = ? AND ex_date = ? AND event = ? AND withdrawn_at IS NULL""",
                withdrawals, k -> new Object[] {now, now, k.code(), k.exDate(), k.event()});
        String[] changed = codes.toArray(String[]::new);
        jdbc.update("DELETE FROM market.adjustment_factors WHERE code = ANY (?)", (Object) changed);
        jdbc.batch("""
                INSERT INTO market.adjustment_factors (code, ex_date, split_factor, total_factor)
                VALUES (?, ?, ?, ?)""",
                factors, f -> new Object[] {f.code(), f.exDate(), f.splitFactor(), f.totalFactor()});
        jdbc.update("""
                INSERT INTO market.adjustment_versions AS v (code, version, changed_at)
                SELECT code, 1, ? FROM unnest(?::varchar[]) AS c(code)
                ON CONFLICT (code) DO UPDATE SET version = v.version + 1, changed_at = EXCLUDED.changed_at""",
                now, changed);
    }
}
