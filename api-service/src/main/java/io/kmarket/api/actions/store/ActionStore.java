package io.kmarket.api.actions.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.actions.AdjustmentFactors;
import io.kmarket.api.actions.rest.ActionCheck;
import io.kmarket.api.actions.rest.CorporateAction;
import io.kmarket.api.actions.rest.StockActions;
import io.kmarket.kit.jdbc.Jdbc;

/** Everything kmarket derived about one stock's corporate actions: the actions, their checks, the factor steps. */
@ApplicationScoped
public class ActionStore {

    /** Before every ex-date: the factor steps of the whole history. */
    private static final LocalDate BEFORE_ANY_ACTION = LocalDate.of(1, 1, 1);

    /** An action's checks come on the lines after it (a handful per stock, so one statement). */
    private static final String ACTIONS = """
            SELECT a.ex_date, a.event, a.action_type, a.shares_multiplier, a.cash_amount, a.issue_price,
                   a.previous_close, a.reference_price, a.price_factor, a.shares_before, a.shares_after,
                   a.shares_changed_on, a.evidence::text AS evidence, a.source, a.detected_at, a.classified_at,
                   a.updated_at, a.withdrawn_at,
                   c.source AS check_source, c.their_factor, c.our_factor, c.agrees, c.detail, c.checked_at
              FROM market.corporate_actions a
              LEFT JOIN market.corporate_action_checks c
                ON c.code = a.code AND c.ex_date = a.ex_date AND c.event = a.event
             WHERE a.code = ?
             ORDER BY a.ex_date, a.event, c.source""";

    private final Jdbc jdbc;
    private final AdjustmentStore adjustments;

    ActionStore(Jdbc jdbc, AdjustmentStore adjustments) {
        this.jdbc = jdbc;
        this.adjustments = adjustments;
    }

    public StockActions of(String code) {
        List<CorporateAction> actions = new ArrayList<>();
        List<ActionCheck> checks = new ArrayList<>();
        AdjustmentStore.readingFactorTables(() -> jdbc.query(ACTIONS, row -> {
            CorporateAction action = action(row);
            if (actions.isEmpty() || !sameAction(actions.getLast(), action)) {
                closeChecks(actions, checks);
                actions.add(action);
            }
            if (row.getString("check_source") != null) {
                checks.add(check(row));
            }
            return null;
        }, code));
        closeChecks(actions, checks);
        AdjustmentFactors factors = adjustments.factorsFrom(code, BEFORE_ANY_ACTION);
        return new StockActions(code, factors.version() == 0 ? null : factors.version(), List.copyOf(actions),
                factors.steps());
    }

    /** Gives the last action the checks collected since it was added. */
    private static void closeChecks(List<CorporateAction> actions, List<ActionCheck> checks) {
        if (!actions.isEmpty()) {
            actions.set(actions.size() - 1, actions.getLast().withChecks(List.copyOf(checks)));
        }
        checks.clear();
    }

    private static boolean sameAction(CorporateAction a, CorporateAction b) {
        return a.exDate().equals(b.exDate()) && a.event().equals(b.event());
    }

    private static CorporateAction action(ResultSet row) throws SQLException {
        return new CorporateAction(Jdbc.date(row, "ex_date"), row.getString("event"), row.getString("action_type"),
                Jdbc.nullableDouble(row, "shares_multiplier"), row.getBigDecimal("cash_amount"),
                Jdbc.nullableLong(row, "issue_price"), row.getLong("previous_close"),
                Jdbc.nullableLong(row, "reference_price"), row.getDouble("price_factor"),
                Jdbc.nullableLong(row, "shares_before"), Jdbc.nullableLong(row, "shares_after"),
                Jdbc.date(row, "shares_changed_on"), row.getString("evidence"), row.getString("source"),
                Jdbc.timestamp(row, "detected_at"), Jdbc.timestamp(row, "classified_at"),
                Jdbc.timestamp(row, "updated_at"), Jdbc.timestamp(row, "withdrawn_at"), List.of());
    }

    private static ActionCheck check(ResultSet row) throws SQLException {
        return new ActionCheck(row.getString("check_source"), Jdbc.nullableDouble(row, "their_factor"),
                row.getDouble("our_factor"), row.getBoolean("agrees"), row.getString("detail"),
                Jdbc.timestamp(row, "checked_at"));
    }
}
