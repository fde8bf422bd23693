package io.kmarket.scheduler.job.actions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.actions.DataQualityChecks.Issue;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.JobContext;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * ops.data_quality_issues and the checks that fill it, each one INSERT ... SELECT over the market tables for a
 * date (:d), the previous trading day (:p) and the time found (:now). A date's findings are replaced in one
 * transaction, so a reader never sees half of them.
 */
@ApplicationScoped
class DataQualityStore {

    private static final Pattern PARAMETER = Pattern.compile(":(d|p|now)\\b");

    private static final List<String> CHECKS = List.of("""
            INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail, found_at)
            SELECT :d, 'no-prices', '*', 'no daily price stored for any stock', :now
             WHERE NOT EXISTS (SELECT 1 FROM market.daily_prices WHERE trade_date = :d)""", """
            INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail, found_at)
            SELECT :d, 'missing-price', s.code, 'listed ' || s.market || ' stock ' || s.name_ko || ' has no price', :now
              FROM market.stocks s
              -- KRX's delisted list carries no dates: a stock known only from it (no listing date, its delisted_on
              -- the day it was seen delisted) counts as listed between its first and last stored price only.
              LEFT JOIN LATERAL (
                   SELECT min(p.trade_date) AS first_day, max(p.trade_date) AS last_day
                     FROM market.daily_prices p WHERE p.code = s.code AND s.listed_on IS NULL) f ON true
             WHERE COALESCE(s.listed_on, f.first_day) <= :d
               AND (s.delisted_on IS NULL OR s.delisted_on > :d)
               AND (s.listed_on IS NOT NULL OR s.delisted_on IS NULL OR f.last_day >= :d)
               AND EXISTS (SELECT 1 FROM market.daily_prices WHERE trade_date = :d)
               AND NOT EXISTS (SELECT 1 FROM market.daily_prices p WHERE p.code = s.code AND p.trade_date = :d)""", """
            INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail, found_at)
            SELECT :d, 'series-gap', p.code, 'no price on the previous trading day ' || :p, :now
              FROM market.daily_prices p
             WHERE p.trade_date = :d
               AND NOT EXISTS (SELECT 1 FROM market.daily_prices q WHERE q.code = p.code AND q.trade_date = :p)
               AND EXISTS (SELECT 1 FROM market.daily_prices q WHERE q.code = p.code AND q.trade_date < :p)""", """
            INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail, found_at)
            SELECT :d, 'index-gap', i.index_code, 'index price on ' || :p || ' but none on this date', :now
              FROM market.index_prices i
             WHERE i.trade_date = :p
               AND NOT EXISTS (SELECT 1 FROM market.index_prices j
                                WHERE j.index_code = i.index_code AND j.trade_date = :d)""", """
            INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail, found_at)
            SELECT :d, 'limit-breach', d.code,
                   'close ' || prev.close || ' -> ' || d.close || ' ('
                       || round((d.close::numeric / prev.close - 1) * 100, 2) || '%)', :now
              FROM market.daily_prices d
              JOIN market.daily_prices prev ON prev.code = d.code AND prev.trade_date = :p
             WHERE d.trade_date = :d AND prev.close > 0 AND d.close > 0
               AND abs(d.close::numeric / prev.close - 1) > 0.30""", """
            INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail, found_at)
            SELECT :d, 'no-index-prices', '*', 'no index price stored for any of ' || count(*) || ' indices', :now
              FROM market.indices
            HAVING count(*) > 0
               AND NOT EXISTS (SELECT 1 FROM market.index_prices WHERE trade_date = :d)""", """
            INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail, found_at)
            SELECT :d, 'disclosures-not-collected', '*', 'no successful disclosures collection for this date', :now
             WHERE NOT EXISTS (SELECT 1 FROM ops.job_runs
                                WHERE job_name = '%s' AND logical_date = :d AND status = '%s')"""
            .formatted(JobNames.DISCLOSURES, RunStatus.SUCCEEDED.value()));

    /**
     * analytics.indicators belongs to ml-service; the scheduler reads it through deploy/db/roles.sql's grant. Kept
     * apart because the table may not exist (ml-service not migrated yet), which must not fail the other checks.
     */
    private static final String INDICATOR_CHECK = """
            INSERT INTO ops.data_quality_issues (trade_date, check_name, subject, detail, found_at)
            SELECT :d, 'missing-indicators', '*', count(*) || ' priced stocks have no indicators', :now
              FROM market.daily_prices p
             WHERE p.trade_date = :d
               AND NOT EXISTS (SELECT 1 FROM analytics.indicators i WHERE i.code = p.code AND i.trade_date = :d)
            HAVING count(*) > 0""";

    private final Jdbc jdbc;
    /** As long as the job may run: the transaction manager's default (a minute) could end a long replacement. */
    private final Duration replacementLimit;

    DataQualityStore(Jdbc jdbc, JobsConfig config) {
        this.jdbc = jdbc;
        // Configured: the catalogue refuses to start when an action has no configuration.
        this.replacementLimit = config.job().get(JobNames.DATA_QUALITY).timeout();
    }

    /**
     * Replaces the findings of {@code date}; returns how many there are. Checks that compare with the previous
     * trading day are left out when there is none; the run's context reports progress and stops a cancelled run.
     */
    int replaceFindings(LocalDate date, Optional<LocalDate> previous, Instant now, JobContext ctx) {
        return QuarkusTransaction.requiringNew().timeout((int) replacementLimit.toSeconds()).call(() -> {
            jdbc.update("DELETE FROM ops.data_quality_issues WHERE trade_date = ?", date);
            int found = 0;
            int done = 0;
            for (String check : CHECKS) {
                ctx.throwIfCancelled();
                if (check.contains(":p") && previous.isEmpty()) {
                    continue;
                }
                found += execute(check, date, previous.orElse(null), now);
                // Written in a transaction of its own (the run's, fenced), committed while this one goes on.
                ctx.progress(++done, CHECKS.size());
            }
            if (indicatorsReadable()) {
                found += execute(INDICATOR_CHECK, date, null, now);
            }
            return found;
        });
    }

    List<Issue> issues(LocalDate date) {
        return jdbc.query("""
                SELECT trade_date, check_name, subject, detail FROM ops.data_quality_issues
                 WHERE trade_date = ? ORDER BY check_name, subject""",
                rs -> new Issue(Jdbc.date(rs, "trade_date"), rs.getString("check_name"), rs.getString("subject"),
                        rs.getString("detail")), date);
    }

    private boolean indicatorsReadable() {
        return jdbc.first("SELECT to_regclass('analytics.indicators') IS NOT NULL"
                + " AND has_table_privilege('analytics.indicators', 'SELECT')", rs -> rs.getBoolean(1)).orElse(false);
    }

    /** Binds :d (the date), :p (the previous trading day) and :now by name; JDBC only has positions. */
    private int execute(String sql, LocalDate date, LocalDate previous, Instant now) {
        List<Object> params = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            params.add(switch (m.group(1)) {
                case "d" -> date;
                case "p" -> previous;
                default -> now;
            });
            m.appendReplacement(positional, m.group(1).equals("now") ? "?" : "?::date");
        }
        m.appendTail(positional);
        return jdbc.update(positional.toString(), params.toArray());
    }
}
