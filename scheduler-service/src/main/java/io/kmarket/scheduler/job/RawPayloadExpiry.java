package io.kmarket.scheduler.job;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.smallrye.common.annotation.Identifier;

/** The raw-payload-expiry job: deletes payloads past expires_at in small batches (short locks, cancellable). */
@ApplicationScoped
class RawPayloadExpiry {

    private static final int BATCH = 5000;

    private final Jdbc jdbc;
    private final Clock clock;

    RawPayloadExpiry(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Produces
    @Identifier("raw-payload-expiry")
    JobAction action() {
        return ctx -> {
            Instant now = clock.instant();
            long deleted = 0;
            int batch;
            do {
                ctx.throwIfCancelled();
                batch = jdbc.update("""
                        DELETE FROM ops.raw_payloads WHERE id IN (
                            SELECT id FROM ops.raw_payloads WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""",
                        now, BATCH);
                deleted += batch;
            } while (batch == BATCH);
            return JobOutcome.succeeded(deleted);
        };
    }
}
