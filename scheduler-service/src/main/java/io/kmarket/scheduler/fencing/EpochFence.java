package io.kmarket.scheduler.fencing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.job.config.JobsConfig;

/**
 * The database side of fencing: a write of a run or of collected data first calls {@link #check} in its own
 * transaction, and lands only if the epoch it carries is still the current one.
 */
@ApplicationScoped
public class EpochFence {

    private static final Logger LOG = Logger.getLogger(EpochFence.class);

    private final Jdbc jdbc;
    private final long lockKey;
    private final long stallLimitMillis;
    /** Stale epochs already logged: a deposed leader's workers may try many writes, the log says it once. */
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();

    EpochFence(Jdbc jdbc, JobsConfig config) {
        this.jdbc = jdbc;
        this.lockKey = config.leader().lockKey();
        this.stallLimitMillis = config.leader().sessionTimeout().toMillis();
    }

    /**
     * Share-locks the epoch row for the caller's transaction and throws {@link DeposedLeaderException} unless it
     * still says {@code term}. The transaction may not stall longer than the election's session timeout: a writer
     * frozen while holding the share lock would otherwise keep every standby from taking over.
     */
    public void check(Connection transaction, Term term) throws SQLException {
        LeaderEpochStore.limitStall(transaction, stallLimitMillis);
        Optional<LeaderEpochStore.Holder> current = LeaderEpochStore.currentLocked(transaction, term.lockKey());
        if (current.isEmpty() || current.get().epoch() != term.epoch()) {
            DeposedLeaderException refused = new DeposedLeaderException(term.epoch(),
                    current.map(LeaderEpochStore.Holder::epoch).orElse(0L),
                    current.map(LeaderEpochStore.Holder::holder).orElse("nobody"));
            if (reported.add(term.epoch())) {
                LOG.warn(refused.getMessage());
            }
            throw refused;
        }
    }

    /** Who leads now according to the database (empty before any instance was ever elected). */
    public Optional<LeaderEpochStore.Holder> leader() {
        try {
            return jdbc.withConnection(connection -> LeaderEpochStore.current(connection, lockKey));
        } catch (DataAccessException e) {
            LOG.debugf("reading the leader: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
