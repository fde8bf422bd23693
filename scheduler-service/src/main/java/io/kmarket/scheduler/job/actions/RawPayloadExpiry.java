package io.kmarket.scheduler.job.actions;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.kmarket.scheduler.collect.store.RawPayloads;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.smallrye.common.annotation.Identifier;

/**
 * The raw-payload-expiry job, the one owner of ops.raw_payloads' expiry: deletes payloads past expires_at in small
 * batches (short locks, cancellable).
 */
@ApplicationScoped
class RawPayloadExpiry {

    private static final int BATCH = 5000;

    private final RawPayloads payloads;
    private final Clock clock;

    RawPayloadExpiry(RawPayloads payloads, Clock clock) {
        this.payloads = payloads;
        this.clock = clock;
    }

    @Produces
    @Identifier(JobNames.RAW_PAYLOAD_EXPIRY)
    JobAction action() {
        return ctx -> {
            Instant now = clock.instant();
            long deleted = 0;
            int batch;
            do {
                ctx.throwIfCancelled();
                batch = payloads.deleteExpired(now, BATCH);
                deleted += batch;
            } while (batch == BATCH);
            return JobOutcome.succeeded(deleted);
        };
    }
}
