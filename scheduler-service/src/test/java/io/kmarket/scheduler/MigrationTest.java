package io.kmarket.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The service's own migrations ran at start, under its own role, into the schemas it owns. */
@QuarkusTest
class MigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void marketAndOpsTablesExistAndAreOwnedByTheScheduler() throws SQLException {
        List<String> tables = strings("""
                SELECT schemaname || '.' || tablename || ':' || tableowner FROM pg_tables
                 WHERE schemaname IN ('market', 'ops') ORDER BY 1""");
        assertThat(tables).contains(
                "market.stocks:kmarket_scheduler", "market.daily_prices:kmarket_scheduler",
                "market.indices:kmarket_scheduler", "market.index_prices:kmarket_scheduler",
                "market.disclosures:kmarket_scheduler", "market.trading_calendar:kmarket_scheduler",
                "ops.sites:kmarket_scheduler", "ops.site_config:kmarket_scheduler",
                "ops.fetch_execution_logs:kmarket_scheduler", "ops.site_health_status:kmarket_scheduler",
                "ops.job_runs:kmarket_scheduler", "ops.raw_payloads:kmarket_scheduler",
                "ops.flyway_schema_history:kmarket_scheduler");
    }

    @Test
    void everyMigrationSucceeded() throws SQLException {
        assertThat(strings("SELECT success::text FROM ops.flyway_schema_history WHERE version IS NOT NULL"))
                .isNotEmpty().containsOnly("true");
    }

    @Test
    void theRealSourcesAreSeededWithTheirConfiguration() throws SQLException {
        assertThat(strings("SELECT s.code FROM ops.sites s JOIN ops.site_config c ON c.site_code = s.code"))
                .containsExactlyInAnyOrder("KRX", "DART", "KIS", "NAVER", "DAUM");
    }

    @Test
    void theSchedulerCannotTouchTheAnalyticsSchema() throws SQLException {
        assertThat(strings("SELECT has_schema_privilege('analytics', 'CREATE')::text")).containsExactly("false");
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
