package io.kmarket.api.actions.store;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.actions.AdjustmentFactors;
import io.kmarket.api.actions.AdjustmentsUnavailableException;
import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.kit.jdbc.Jdbc;

/** A stock's cumulative factor steps and their version: a handful of rows, read once per adjusted answer. */
@ApplicationScoped
public class AdjustmentStore {

    /** SQLState of a missing table: the scheduler that creates the factor tables is not upgraded yet. */
    private static final String UNDEFINED_TABLE = "42P01";

    /** One statement for both: the version row may exist without steps (every action withdrawn), and vice versa. */
    private static final String FACTORS = """
            SELECT v.version, f.ex_date, f.split_factor, f.total_factor
              FROM (SELECT ?::varchar AS code) s
              LEFT JOIN market.adjustment_versions v ON v.code = s.code
              LEFT JOIN market.adjustment_factors f ON f.code = s.code AND f.ex_date > ?
             ORDER BY f.ex_date""";

    private final Jdbc jdbc;

    AdjustmentStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The steps that apply to {@code from} and later days (those with an ex-date after {@code from}). */
    public AdjustmentFactors factorsFrom(String code, LocalDate from) {
        List<AdjustmentFactors.Step> steps = new ArrayList<>();
        long[] version = { 0 };
        readingFactorTables(() -> jdbc.query(FACTORS, row -> {
            version[0] = row.getLong("version");
            LocalDate exDate = Jdbc.date(row, "ex_date");
            if (exDate != null) {
                steps.add(new AdjustmentFactors.Step(exDate, row.getDouble("split_factor"),
                        row.getDouble("total_factor")));
            }
            return null;
        }, code, from));
        return new AdjustmentFactors(version[0], List.copyOf(steps));
    }

    /** Runs a read of the factor tables, a missing table becoming {@link AdjustmentsUnavailableException}. */
    static <T> T readingFactorTables(Supplier<T> read) {
        try {
            return read.get();
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
                throw new AdjustmentsUnavailableException(e);
            }
            throw e;
        }
    }
}
