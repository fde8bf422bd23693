package io.kmarket.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** An entity store's failure is classified by the driver's SQLException it carries, as the helper's own are. */
class DataAccessExceptionTest {

    @Test
    void aFailureCarryingALostConnectionBecomesDatabaseUnavailable() {
        RuntimeException failure = new RuntimeException("commit failed",
                new IllegalStateException(new SQLException("connection lost", "08006")));

        assertThat(DataAccessException.fromCauseOf("SELECT 1", failure))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("08006").hasMessageContaining("SELECT 1");
    }

    @Test
    void aFailureCarryingAConstraintViolationIsADataAccessExceptionButNotAnOutage() {
        RuntimeException failure = new RuntimeException(new SQLException("duplicate key", "23505"));

        assertThat(DataAccessException.fromCauseOf("INSERT INTO t", failure))
                .isExactlyInstanceOf(DataAccessException.class).hasMessageContaining("23505");
    }

    @Test
    void aFailureWithoutSqlCauseStaysItself() {
        RuntimeException failure = new IllegalArgumentException("not a database failure");

        assertThat(DataAccessException.fromCauseOf("SELECT 1", failure)).isSameAs(failure);
    }
}
