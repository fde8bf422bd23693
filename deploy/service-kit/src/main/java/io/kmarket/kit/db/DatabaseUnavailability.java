package io.kmarket.kit.db;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether a failure means PostgreSQL could not be reached or is restarting: a fault of the moment, answered 503
 * with Retry-After, since the same request works once the database is back (a 500 would say the request broke).
 * The stores wrap their SQLExceptions, so the whole cause chain is looked at.
 */
public final class DatabaseUnavailability {

    private DatabaseUnavailability() {
    }

    /**
     * The SQLException that says the database is unavailable, if that is what failed. SQLState classes 08 (connection exception: refused, reset, a pooled connection cut by a restart), 53
     * (insufficient resources: too many connections) and 57 (operator intervention: shutting down, starting up); no
     * SQLState at all comes from the pool itself (acquisition timeout, pool closing), never from a query.
     */
    public static Optional<SQLException> causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException e) {
                String state = e.getSQLState();
                boolean unavailable = state == null || state.startsWith("08") || state.startsWith("53")
                        || state.startsWith("57");
                return unavailable ? Optional.of(e) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
