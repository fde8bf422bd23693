package io.kmarket.scheduler.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.fencing.CurrentTerm;
import io.kmarket.scheduler.fencing.EpochFence;
import io.kmarket.scheduler.fencing.Term;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Plain JDBC over the pool with java.time parameters, for the stores of the job side (jobs, backfills, heals,
 * data quality, the calendar): their tables are few and their statements small. Only stores use it, so that SQL
 * lives in stores alone. Besides plain statements it runs fenced ones: a write that lands only while a given
 * leadership term is the current one (see {@link EpochFence}).
 */
@ApplicationScoped
public class Jdbc {

    /** Reads one row of a result set. */
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final EpochFence fence;
    private final CurrentTerm leadership;

    Jdbc(AgroalDataSource dataSource, EpochFence fence, CurrentTerm leadership) {
        this.dataSource = dataSource;
        this.fence = fence;
        this.leadership = leadership;
    }

    /**
     * {@link #fencedUpdate} under the leadership this instance holds now: for the leader's own bookkeeping (fire
     * times, backfills, heals) that belongs to no run. A process frozen past a takeover still holds its old term
     * when it wakes, so what it decided before the freeze is refused rather than steering the new leader.
     */
    public int leaderUpdate(String sql, Object... params) {
        return fencedUpdate(leadership.required(), sql, params);
    }

    /** {@link #fencedFirst} under the leadership this instance holds now (see {@link #leaderUpdate}). */
    public <T> Optional<T> leaderFirst(String sql, RowMapper<T> mapper, Object... params) {
        return fencedFirst(leadership.required(), sql, mapper, params);
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + firstLine(sql), e);
        }
    }

    /** {@link #update} in a transaction that lands only while {@code term} is the current leadership. */
    public int fencedUpdate(Term term, String sql, Object... params) {
        return fenced(term, sql, PreparedStatement::executeUpdate, params);
    }

    /** {@link #first} of a writing statement (... RETURNING), landing only while {@code term} leads. */
    public <T> Optional<T> fencedFirst(Term term, String sql, RowMapper<T> mapper, Object... params) {
        return fenced(term, sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.<T>empty();
            }
        }, params);
    }

    private interface Execution<T> {
        T execute(PreparedStatement ps) throws SQLException;
    }

    private <T> T fenced(Term term, String sql, Execution<T> execution, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                fence.check(c, term);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, params);
                    return execution.execute(ps);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("statement failed: " + firstLine(sql), e);
            }
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + firstLine(sql), e);
        }
    }

    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, mapper, params).stream().findFirst();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = switch (params[i]) {
                case Instant instant -> Timestamp.from(instant);
                case LocalDate date -> Date.valueOf(date);
                case null, default -> params[i];
            };
            ps.setObject(i + 1, value);
        }
    }

    private static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse(sql);
    }
}
