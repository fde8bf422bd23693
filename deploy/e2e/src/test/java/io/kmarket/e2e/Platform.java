package io.kmarket.e2e;

import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;

/**
 * What every scenario of this JVM shares: the test PostgreSQL with kmarket's roles and the scheduler's schema. Each
 * scenario starts from an empty market with its own sandbox and scheduler processes.
 */
final class Platform {

    private static Platform shared;

    private final KmarketTestDatabase database;
    private final StoredMarket stored;

    private Platform(KmarketTestDatabase database) {
        this.database = database;
        this.stored = new StoredMarket(database);
    }

    static synchronized Platform shared() {
        if (shared == null) {
            KmarketTestDatabase database = KmarketTestDatabase.shared();
            // Migrated now (as scheduler-service would at start) so the site limits below are in place before the
            // first scheduler reads them; the scheduler's own Flyway then finds nothing to do.
            database.migrate(ServiceSchema.SCHEDULER);
            shared = new Platform(database);
            shared.configureSites();
        }
        return shared;
    }

    /**
     * As ./kmarket up does for the sandbox, KRX may go faster than the real site's 60 calls a minute: 20 calls a
     * second against the sandbox's 50 (set in {@link Sandbox#raiseLimits()}). Timeouts of 3 s instead of 10-15 s, so a
     * "timeout" fault costs less; the sandbox holds such a connection for 20 s, so the client's timeout fires.
     */
    private void configureSites() {
        stored.execute("""
                UPDATE ops.site_config SET rate_limit_per_minute = 1200, rate_limit_per_second = 20, burst = 5, updated_at = now()
                 WHERE site_code = 'KRX';
                UPDATE ops.site_config SET timeout_ms = 3000, updated_at = now() WHERE site_code IN ('KRX', 'DART')""");
    }

    /** Empties what collection writes. */
    StoredMarket emptyMarket() {
        stored.clear();
        return stored;
    }

    Scheduler startScheduler(Sandbox sandbox) {
        return Scheduler.start(database.jdbcUrl(), ServiceSchema.SCHEDULER.role(), ServiceSchema.SCHEDULER.password(),
                sandbox.baseUrl());
    }
}
