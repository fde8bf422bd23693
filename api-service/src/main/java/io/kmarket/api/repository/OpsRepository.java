package io.kmarket.api.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.rest.BackfillView;
import io.kmarket.api.rest.JobRunView;
import io.kmarket.api.rest.SiteView;

@ApplicationScoped
public class OpsRepository {

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

    private final Jdbc jdbc;

    OpsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<SiteView> sites() {
        return jdbc.list(SITES, s -> {
        }, row -> new SiteView(row.getString("code"), row.getInt("tier"), row.getString("name_ko"),
                row.getString("name_en"), row.getString("base_url"), row.getString("category"),
                row.getInt("reliability"), row.getBoolean("active"), row.getBoolean("official"),
                row.getString("status"), Jdbc.nullableInt(row, "consecutive_failures"),
                Jdbc.timestamp(row, "last_success_at"), Jdbc.timestamp(row, "last_failure_at"),
                Jdbc.nullableDouble(row, "avg_response_ms"), Jdbc.nullableDouble(row, "success_rate")));
    }

    public List<JobRunView> latestJobRuns() {
        return jdbc.list(LATEST_RUN_PER_JOB, s -> {
        }, row -> new JobRunView(row.getString("job_name"), Jdbc.date(row, "logical_date"), row.getString("trigger"),
                row.getString("status"), Jdbc.timestamp(row, "started_at"), Jdbc.timestamp(row, "ended_at"),
                row.getLong("records"), row.getInt("attempts"), Jdbc.nullableInt(row, "progress_done"),
                Jdbc.nullableInt(row, "progress_total"), row.getString("error")));
    }

    public List<BackfillView> recentBackfills() {
        return jdbc.list(RECENT_BACKFILLS, s -> {
        }, row -> new BackfillView(row.getLong("id"), row.getString("job_name"), Jdbc.date(row, "from_date"),
                Jdbc.date(row, "to_date"), row.getBoolean("with_dependents"), row.getString("status"),
                row.getInt("dates_done"), row.getInt("dates_total"), Jdbc.timestamp(row, "requested_at"),
                Jdbc.timestamp(row, "finished_at"), row.getString("error")));
    }
}
