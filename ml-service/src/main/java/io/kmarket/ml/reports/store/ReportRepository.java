package io.kmarket.ml.reports.store;

import static io.kmarket.ml.reports.ReportStatus.UNFINISHED;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.reports.ReportStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * analytics.reports: a request is a row before it is acknowledged, so nothing accepted is lost to a crash,
 * and the partial unique index on pending/running rows makes the same pending request the same report.
 */
@ApplicationScoped
public class ReportRepository {

    public record StoredReport(UUID id, String code, LocalDate asOf, ReportStatus status, OffsetDateTime requestedAt,
            OffsetDateTime finishedAt, String content, String html, String error) {
    }

    /** The outcome of a request: its report, and whether this request created it. */
    public record Requested(UUID id, boolean created) {
    }

    /**
     * Against the partial unique index: two identical requests racing get one row, atomically. The statuses are
     * written into the statement as literals, as they are in the index's predicate, for PostgreSQL to infer that
     * index as the arbiter from the conflict target's WHERE.
     */
    private static final String REQUEST = """
            INSERT INTO analytics.reports (id, code, as_of, status) VALUES (?, ?, ?, %s)
            ON CONFLICT (code, coalesce(as_of, '0001-01-01'::date)) WHERE status IN (%s)
            DO NOTHING RETURNING id""".formatted(literal(ReportStatus.PENDING),
            UNFINISHED.stream().map(ReportRepository::literal).collect(Collectors.joining(", ")));

    private final Jdbc jdbc;

    ReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a pending report, or finds the pending/running one for the same stock and date. */
    public Requested request(String code, LocalDate asOf) {
        Optional<UUID> created = jdbc.first(REQUEST, row -> row.getObject(1, UUID.class), UUID.randomUUID(), code,
                asOf);
        if (created.isPresent()) {
            return new Requested(created.get(), true);
        }
        // Lost the race to an identical request, or it finished between our insert and now: look, else retry.
        Optional<UUID> existing = pending(code, asOf);
        return existing.isPresent() ? new Requested(existing.get(), false) : request(code, asOf);
    }

    /** The pending or running report for the same stock and date, if one exists. */
    public Optional<UUID> pending(String code, LocalDate asOf) {
        return QuarkusTransaction.joiningExisting().call(() -> (asOf == null
                ? ReportEntity.<ReportEntity>find("code = ?1 and asOf is null and status in ?2", code, UNFINISHED)
                : ReportEntity.<ReportEntity>find("code = ?1 and asOf = ?2 and status in ?3", code, asOf, UNFINISHED))
                .firstResultOptional().map(report -> report.id));
    }

    public Optional<StoredReport> find(UUID id) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> ReportEntity.<ReportEntity>findByIdOptional(id).map(ReportEntity::view));
    }

    /**
     * Reports a stop or crash left unfinished, oldest first, put back to pending to be generated again. One SQL
     * statement rather than an HQL list and update: it runs at start-up, where parsing HQL for the first time cost a
     * native executable most of its start (over the 0.2 s goal); the first request pays that instead.
     */
    public List<UUID> resumable() {
        String[] unfinished = UNFINISHED.stream().map(ReportStatus::value).toArray(String[]::new);
        return QuarkusTransaction.joiningExisting().call(() -> jdbc.query("""
                WITH resumed AS (
                    UPDATE analytics.reports SET status = ?, started_at = NULL
                     WHERE status = ANY (?) RETURNING id, requested_at)
                SELECT id FROM resumed ORDER BY requested_at""",
                row -> row.getObject("id", UUID.class), ReportStatus.PENDING.value(), unfinished));
    }

    /** Claims a pending report for generation; false when it is not pending any more. */
    public boolean start(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> ReportEntity.update(
                "status = ?1, startedAt = current_timestamp where id = ?2 and status = ?3", ReportStatus.RUNNING, id,
                ReportStatus.PENDING) == 1);
    }

    public void done(UUID id, String contentJson, String html) {
        change(id, report -> {
            report.status = ReportStatus.DONE;
            report.content = contentJson;
            report.html = html;
            report.error = null;
        });
    }

    public void failed(UUID id, String error) {
        change(id, report -> {
            report.status = ReportStatus.FAILED;
            report.error = error;
        });
    }

    private static String literal(ReportStatus status) {
        return "'" + status.value() + "'";
    }

    /** Changes one report, if it exists; the entity's update sets finished_at. */
    private static void change(UUID id, Consumer<ReportEntity> change) {
        QuarkusTransaction.joiningExisting().run(() -> {
            ReportEntity report = ReportEntity.findById(id);
            if (report != null) {
                change.accept(report);
            }
        });
    }
}
