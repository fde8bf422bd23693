package io.kmarket.scheduler.job.actions;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;

/**
 * The deletes of ops.raw_payloads past their expires_at (the collection writes the rows, with their expiry, in
 * collect/store/RawPayloads).
 */
@ApplicationScoped
class RawPayloadExpiryStore {

    private final Jdbc jdbc;

    RawPayloadExpiryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes at most {@code batch} payloads expired before {@code now}, oldest first; returns how many. */
    int deleteExpired(Instant now, int batch) {
        return jdbc.update("""
                DELETE FROM ops.raw_payloads WHERE id IN (
                    SELECT id FROM ops.raw_payloads WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""",
                now, batch);
    }
}
