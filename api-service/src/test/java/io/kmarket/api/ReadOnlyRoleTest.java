package io.kmarket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;
import io.quarkus.test.junit.QuarkusTest;

/** api-service reads everything and can write nothing, whatever its code tries. */
@QuarkusTest
class ReadOnlyRoleTest {

    private static final String INSERT_STOCK =
            "INSERT INTO market.stocks (code, name_ko, market) VALUES ('999999', '쓰기시도', 'STK')";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServiceConnectionCanReadEverySchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[] { "market.stocks", "ops.sites", "analytics.indicators" }) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    assertThat(rs.next()).as(table).isTrue();
                }
            }
        }
    }

    @Test
    void theServiceConnectionCannotWrite() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(INSERT_STOCK))
                    .isInstanceOf(SQLException.class)
                    // 25006: read-only transaction; 42501: insufficient privilege.
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("25006", "42501"));
        }
    }

    @Test
    void theRoleItselfHasNoWriteGrantEvenOutsideReadOnlyTransactions() throws SQLException {
        try (Connection connection = KmarketTestDatabase.shared().connectAs(ServiceSchema.API);
                Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = off");
            for (String write : new String[] { INSERT_STOCK, "DELETE FROM ops.sites",
                    "UPDATE analytics.indicators SET sma5 = 0", "CREATE TABLE market.intruder (id int)" }) {
                assertThatThrownBy(() -> statement.execute(write)).as(write)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
    }
}
