package io.kmarket.ml.repository;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.kmarket.ml.service.indicators.Indicator;

/**
 * Bulk upsert of indicator rows: binary COPY into a temporary table, then one INSERT ... ON CONFLICT into
 * analytics.indicators, all in one transaction, so readers see either the old or the new values and a rerun
 * overwrites instead of doubling. Binary COPY, because formatting and parsing millions of doubles as text
 * costs more than the whole computation. Rows whose values did not change are not rewritten.
 * <p>
 * When the table holds no row in the dates being written (a first computation), the rows are copied straight
 * into analytics.indicators instead: nothing can conflict, and skipping the temporary table and the conflict
 * checks roughly halves the write time. Runs are serialised by RunService, so no other writer can add rows to
 * that range meanwhile; if one did, the copy would fail on the primary key and the run be recorded as failed.
 */
@ApplicationScoped
public class IndicatorWriter {

    private static final String COLUMNS = "code, trade_date, " + Arrays.stream(Indicator.values())
            .map(Indicator::column).collect(Collectors.joining(", "));
    private static final String UPSERT = "INSERT INTO analytics.indicators AS t (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM indicators_load ON CONFLICT (code, trade_date) DO UPDATE SET "
            + Arrays.stream(Indicator.values()).map(i -> i.column() + " = EXCLUDED." + i.column())
                    .collect(Collectors.joining(", "))
            + ", computed_at = now() WHERE (" + prefixed("t.") + ") IS DISTINCT FROM (" + prefixed("EXCLUDED.") + ")";

    private final DataSource dataSource;

    public IndicatorWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A bulk write of rows dated {@code from..to}. */
    public Batch open(LocalDate from, LocalDate to) throws SQLException {
        return new Batch(dataSource.getConnection(), from, to);
    }

    private static String prefixed(String prefix) {
        return Arrays.stream(Indicator.values()).map(i -> prefix + i.column()).collect(Collectors.joining(", "));
    }

    /** One bulk write: add rows, then {@link #commit()}; closing without committing rolls everything back. */
    public static final class Batch implements AutoCloseable {

        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        private static final int POSTGRES_EPOCH_DAY = (int) LocalDate.of(2000, 1, 1).toEpochDay();
        private static final int FLUSH_AT = 1 << 20;

        private final Connection connection;
        private final boolean direct;
        private final CopyIn copy;
        private final ByteBuffer buffer = ByteBuffer.allocate(FLUSH_AT + 4096);
        private long rows;
        private String lastCode;
        private byte[] lastCodeBytes;

        private Batch(Connection connection, LocalDate from, LocalDate to) throws SQLException {
            this.connection = connection;
            boolean started = false;
            try {
                connection.setAutoCommit(false);
                direct = !anyRowBetween(connection, from, to);
                String target = "analytics.indicators";
                if (!direct) {
                    target = "indicators_load";
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TEMP TABLE indicators_load"
                                + " (LIKE analytics.indicators INCLUDING DEFAULTS) ON COMMIT DROP");
                    }
                }
                copy = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + target + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
                buffer.put(SIGNATURE).putInt(0).putInt(0);
                started = true;
            } finally {
                if (!started) {
                    connection.rollback();
                    connection.close();
                }
            }
        }

        private static boolean anyRowBetween(Connection connection, LocalDate from, LocalDate to)
                throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM analytics.indicators WHERE trade_date BETWEEN ? AND ?)")) {
                statement.setObject(1, from);
                statement.setObject(2, to);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        }

        /** Adds the row of {@code values[indicator][index]}; NaN is written as NULL. */
        public void add(String code, int epochDay, double[][] values, int index) throws SQLException {
            beginRow(code, epochDay);
            for (double[] column : values) {
                putDouble(column[index]);
            }
            endRow();
        }

        /** Adds the row of {@code values[indicator]}; NaN is written as NULL. */
        public void add(String code, int epochDay, double[] values) throws SQLException {
            beginRow(code, epochDay);
            for (double value : values) {
                putDouble(value);
            }
            endRow();
        }

        /** Loads the copied rows into analytics.indicators and commits; returns the number of rows given. */
        public long commit() throws SQLException {
            buffer.putShort((short) -1);
            flush();
            copy.endCopy();
            if (!direct) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate(UPSERT);
                }
            }
            connection.commit();
            return rows;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
                connection.close();
            }
        }

        private void beginRow(String code, int epochDay) {
            if (!code.equals(lastCode)) {
                lastCode = code;
                lastCodeBytes = code.getBytes(StandardCharsets.UTF_8);
            }
            buffer.putShort((short) (2 + Indicator.COUNT));
            buffer.putInt(lastCodeBytes.length).put(lastCodeBytes);
            buffer.putInt(4).putInt(epochDay - POSTGRES_EPOCH_DAY);
        }

        private void putDouble(double value) {
            if (Double.isNaN(value)) {
                buffer.putInt(-1);
            } else {
                buffer.putInt(8).putDouble(value);
            }
        }

        private void endRow() throws SQLException {
            rows++;
            if (buffer.position() >= FLUSH_AT) {
                flush();
            }
        }

        private void flush() throws SQLException {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
