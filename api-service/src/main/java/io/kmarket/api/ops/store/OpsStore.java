package io.kmarket.api.ops.store;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.ops.rest.BackfillView;
import io.kmarket.api.ops.rest.CompletenessView;
import io.kmarket.api.ops.rest.JobRunView;
import io.kmarket.api.ops.rest.SiteView;
import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.kit.time.MarketTime;

/** Reads of the scheduler's ops schema for the ops views: site health, job runs, backfills, completeness. */
@ApplicationScoped
public class OpsStore {

    private static final String SITES = """
            SELECT s.code, s.tier, s.name_ko, s.name_en, s.base_url, s.category, s.reliability, s.active, s.official,
                   coalesce(h.status, 'unknown') AS status, h.consecutive_failures, h.last_success_at,
                   h.last_failure_at, h.avg_response_ms, h.success_rate
              FROM ops.sites s LEFT JOIN ops.site_health_status h ON h.site_code = s.code
             ORDER BY s.tier, s.code""";

    private static final String LATEST_RUN_PER_JOB = """
            SELECT DISTINCT ON (job_name) job_name, logical_date, trigger, status, started_at, ended_at, records,
                   attempts, progress_done, progress_total, error
              FROM ops.job_runs
             ORDER BY job_name, started_at DESC, id DESC""";

    private static final String RECENT_BACKFILLS = """
            SELECT id, job_name, from_date, to_date, with_dependents, status, dates_done, dates_total, requested_at,
                   finished_at, error
              FROM ops.job_backfills
             ORDER BY id DESC
             LIMIT 50""";

    /**
     * One row per dataset and trading date in [from, to]; today only once its daily collection ran (before that
     * nothing is due). Expected counts: prices, the stocks listed on the date — from their listing date, or where
     * KRX gave none (a stock known only from the delisted list, which carries no dates) from their first stored
     * price to the day after their last; never-priced stocks of unknown listing are not expected; indices, the
     * indices kmarket collects (any price stored) from their base date on; indicators, the stocks with a price on
     * the date (ml-service writes a row per priced stock, its values null while the history is too short);
     * disclosures, none (a day may have none): complete once a run of the disclosures job for the date succeeded
     * after the day was over. The status is the first that holds of complete, healing-pending (a retry or repair
     * is scheduled), failed (the job's last run for the date failed), partial, missing.
     */
    private static final String COMPLETENESS = """
            WITH days AS (
                SELECT day FROM market.trading_calendar
                 WHERE is_trading_day AND day BETWEEN ? AND ?
                   AND (day < ? OR EXISTS (SELECT 1 FROM ops.job_runs r
                                            WHERE r.job_name = 'daily-collection' AND r.logical_date = day))),
            listings AS (
                SELECT COALESCE(s.listed_on, f.first_day) AS from_day,
                       CASE WHEN s.listed_on IS NULL AND s.delisted_on IS NOT NULL
                            THEN LEAST(s.delisted_on, f.last_day + 1) ELSE s.delisted_on END AS until_day
                  FROM market.stocks s
                  LEFT JOIN LATERAL (
                       SELECT min(p.trade_date) AS first_day, max(p.trade_date) AS last_day
                         FROM market.daily_prices p WHERE p.code = s.code AND s.listed_on IS NULL) f ON true),
            collected_indices AS (
                SELECT i.base_date FROM market.indices i
                 WHERE EXISTS (SELECT 1 FROM market.index_prices p WHERE p.index_code = i.code)),
            counts AS (
                SELECT 'prices' AS dataset, 'daily-collection' AS job, d.day,
                       (SELECT count(*) FROM listings l
                         WHERE l.from_day <= d.day AND (l.until_day IS NULL OR l.until_day > d.day)) AS expected,
                       (SELECT count(*) FROM market.daily_prices p WHERE p.trade_date = d.day) AS stored
                  FROM days d
                UNION ALL
                SELECT 'indices', 'daily-collection', d.day,
                       (SELECT count(*) FROM collected_indices i WHERE i.base_date IS NULL OR i.base_date <= d.day),
                       (SELECT count(*) FROM market.index_prices i WHERE i.trade_date = d.day)
                  FROM days d
                UNION ALL
                SELECT 'indicators', 'indicators', d.day,
                       (SELECT count(*) FROM market.daily_prices p WHERE p.trade_date = d.day),
                       (SELECT count(*) FROM analytics.indicators i WHERE i.trade_date = d.day)
                  FROM days d
                UNION ALL
                SELECT 'disclosures', 'disclosures', d.day, NULL,
                       (SELECT count(*) FROM market.disclosures m WHERE m.receipt_date = d.day)
                  FROM days d)
            SELECT c.dataset, c.job, c.day, c.expected, c.stored, h.failures, h.next_attempt_at, h.last_error,
                   CASE
                     WHEN c.expected IS NOT NULL AND c.expected > 0 AND c.stored >= c.expected AND h.job_name IS NULL
                       THEN 'complete'
                     WHEN c.expected IS NULL AND h.job_name IS NULL AND EXISTS (
                          SELECT 1 FROM ops.job_runs r
                           WHERE r.job_name = c.job AND r.logical_date = c.day AND r.status = 'succeeded'
                             AND r.started_at >= (c.day + 1)::timestamp AT TIME ZONE ?)
                       THEN 'complete'
                     WHEN h.job_name IS NOT NULL THEN 'healing-pending'
                     WHEN (SELECT r.status FROM ops.job_runs r
                            WHERE r.job_name = c.job AND r.logical_date = c.day AND r.status <> 'running'
                            ORDER BY r.id DESC LIMIT 1) = 'failed' THEN 'failed'
                     WHEN c.stored > 0 THEN 'partial'
                     ELSE 'missing'
                   END AS status
              FROM counts c
              LEFT JOIN ops.job_heals h ON h.job_name = c.job AND h.logical_date = c.day AND h.status = 'pending'
             WHERE ?::text IS NULL OR c.dataset = ?
             ORDER BY c.day DESC, c.dataset""";

    private final Jdbc jdbc;

    OpsStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<SiteView> sites() {
        return jdbc.query(SITES, row -> new SiteView(row.getString("code"), row.getInt("tier"), row.getString("name_ko"),
                row.getString("name_en"), row.getString("base_url"), row.getString("category"),
                row.getInt("reliability"), row.getBoolean("active"), row.getBoolean("official"),
                row.getString("status"), Jdbc.nullableInt(row, "consecutive_failures"),
                Jdbc.timestamp(row, "last_success_at"), Jdbc.timestamp(row, "last_failure_at"),
                Jdbc.nullableDouble(row, "avg_response_ms"), Jdbc.nullableDouble(row, "success_rate")));
    }

    public List<JobRunView> latestJobRuns() {
        return jdbc.query(LATEST_RUN_PER_JOB, row -> new JobRunView(row.getString("job_name"), Jdbc.date(row, "logical_date"), row.getString("trigger"),
                row.getString("status"), Jdbc.timestamp(row, "started_at"), Jdbc.timestamp(row, "ended_at"),
                row.getLong("records"), row.getInt("attempts"), Jdbc.nullableInt(row, "progress_done"),
                Jdbc.nullableInt(row, "progress_total"), row.getString("error")));
    }

    public List<BackfillView> recentBackfills() {
        return jdbc.query(RECENT_BACKFILLS, row -> new BackfillView(row.getLong("id"), row.getString("job_name"), Jdbc.date(row, "from_date"),
                Jdbc.date(row, "to_date"), row.getBoolean("with_dependents"), row.getString("status"),
                row.getInt("dates_done"), row.getInt("dates_total"), Jdbc.timestamp(row, "requested_at"),
                Jdbc.timestamp(row, "finished_at"), row.getString("error")));
    }

    public List<CompletenessView> completeness(String dataset, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.query(COMPLETENESS, row -> new CompletenessView(row.getString("dataset"), Jdbc.date(row, "day"),
                row.getObject("expected") == null ? null : row.getLong("expected"), row.getLong("stored"),
                row.getString("status"), row.getString("job"), Jdbc.nullableInt(row, "failures"),
                Jdbc.timestamp(row, "next_attempt_at"), row.getString("last_error")),
                // A day is complete once it has ended in Korea.
                from, to, today, MarketTime.ZONE_ID, dataset, dataset);
    }
}
