package io.kmarket.scheduler.fencing;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes that land only while a given leadership term is the current one: each runs in a transaction of its own
 * whose first statement is the {@link EpochFence} check, on the connection the pool enlisted in that transaction, so
 * that whatever the work writes next (plain JDBC or a Panache entity) commits with the share lock on the epoch row
 * held, or not at all. Writes of a run carry the run's term; the leader's own bookkeeping (fire times, backfills,
 * heals) uses the term held now, so a process frozen past a takeover has what it decided before the freeze refused
 * rather than steering the new leader.
 */
@ApplicationScoped
public class FencedWrites {

    private final Jdbc jdbc;
    private final EpochFence fence;
    private final CurrentTerm leadership;

    FencedWrites(Jdbc jdbc, EpochFence fence, CurrentTerm leadership) {
        this.jdbc = jdbc;
        this.fence = fence;
        this.leadership = leadership;
    }

    /**
     * {@code work} in a new transaction that commits only while {@code term} leads; otherwise
     * {@link DeposedLeaderException} and nothing of it lands.
     */
    public <T> T under(Term term, Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jdbc.withConnection(connection -> {
                fence.check(connection, term);
                return null;
            });
            return work.get();
        });
    }

    /** {@link #under} the leadership this instance holds now; throws {@link DeposedLeaderException} on a standby. */
    public <T> T underCurrentLeadership(Supplier<T> work) {
        return under(leadership.required(), work);
    }

    /** One fenced statement; rows changed. */
    public int update(Term term, String sql, Object... params) {
        return under(term, () -> jdbc.update(sql, params));
    }

    /** One fenced writing statement whose RETURNING row is read. */
    public <T> Optional<T> first(Term term, String sql, Jdbc.RowMapper<T> mapper, Object... params) {
        return under(term, () -> jdbc.first(sql, mapper, params));
    }

    /** {@link #update} under the leadership held now. */
    public int leaderUpdate(String sql, Object... params) {
        return update(leadership.required(), sql, params);
    }

    /** {@link #first} under the leadership held now. */
    public <T> Optional<T> leaderFirst(String sql, Jdbc.RowMapper<T> mapper, Object... params) {
        return first(leadership.required(), sql, mapper, params);
    }
}
