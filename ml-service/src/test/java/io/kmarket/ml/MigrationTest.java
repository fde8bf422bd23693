package io.kmarket.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kmarket.ml.reports.ReportStatus;
import io.kmarket.ml.runs.RunStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * ml-service migrated the analytics schema it owns, and can read, but not write, the market data; the statuses its
 * code writes are the ones the schema accepts.
 */
@QuarkusTest
class MigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void analyticsTablesExistAndAreOwnedByMl() throws SQLException {
        assertThat(strings("SELECT schemaname || '.' || tablename || ':' || tableowner FROM pg_tables"
                + " WHERE schemaname = 'analytics'")).contains(
                "analytics.indicators:kmarket_ml", "analytics.model_versions:kmarket_ml",
                "analytics.predictions:kmarket_ml", "analytics.prediction_evaluations:kmarket_ml",
                "analytics.reports:kmarket_ml", "analytics.flyway_schema_history:kmarket_ml",
                "analytics.indicator_adjustment_versions:kmarket_ml");
    }

    @Test
    void everyMigrationSucceeded() throws SQLException {
        assertThat(strings("SELECT success::text FROM analytics.flyway_schema_history WHERE version IS NOT NULL"))
                .isNotEmpty().containsOnly("true");
    }

    @Test
    void marketIsReadableButNotWritable() throws SQLException {
        assertThat(strings("SELECT has_table_privilege('market.daily_prices', 'SELECT')::text"
                + " || has_table_privilege('market.daily_prices', 'INSERT')::text")).containsExactly("truefalse");
        assertThat(strings("SELECT has_table_privilege('market.adjustment_factors', 'SELECT')::text"
                + " || has_table_privilege('market.adjustment_versions', 'SELECT')::text"
                + " || has_table_privilege('market.adjustment_factors', 'INSERT')::text"))
                .containsExactly("truetruefalse");
    }

    @Test
    void theStatusEnumsHoldExactlyTheValuesTheCheckConstraintsAllow() throws SQLException {
        assertThat(Arrays.stream(RunStatus.values()).map(RunStatus::value))
                .containsExactlyInAnyOrderElementsOf(checkedStatuses("runs"));
        assertThat(Arrays.stream(ReportStatus.values()).map(ReportStatus::value))
                .containsExactlyInAnyOrderElementsOf(checkedStatuses("reports"));
    }

    /** The values the CHECK constraint on analytics.{table}.status lists, as PostgreSQL prints the constraint. */
    private List<String> checkedStatuses(String table) throws SQLException {
        List<String> definitions = strings("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c'"
                + " AND conrelid = 'analytics." + table + "'::regclass AND pg_get_constraintdef(oid) LIKE '%status%'");
        assertThat(definitions).hasSize(1);
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(definitions.getFirst());
        List<String> values = new ArrayList<>();
        while (quoted.find()) {
            values.add(quoted.group(1));
        }
        assertThat(values).as(definitions.getFirst()).isNotEmpty();
        return values;
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
