package io.kmarket.kit.jdbc;

import java.sql.SQLException;

/**
 * PostgreSQL could not be reached or is restarting ({@link io.kmarket.kit.db.DatabaseUnavailability}): a fault of
 * the moment, answered 503 with Retry-After, since the same request works once the database is back.
 */
public final class DatabaseUnavailableException extends DataAccessException {

    DatabaseUnavailableException(String sql, SQLException cause) {
        super(sql, cause);
    }
}
