package io.kmarket.ml.market.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.market.FactorSteps;
import io.kmarket.ml.market.PriceAdjustments;

/**
 * Reads the scheduler's cumulative adjustment factors (market.adjustment_factors) and factor versions
 * (market.adjustment_versions). Versions and factors come from one statement, so they are one snapshot: the job
 * that writes them changes both in one transaction.
 * <p>
 * The tables come with a scheduler migration that may not be deployed yet when ml-service is: then every factor is
 * 1 and nothing is invalidated, which is today's behaviour, logged once rather than failing every run.
 */
@ApplicationScoped
public class AdjustmentReader {

    private static final Logger LOG = Logger.getLogger(AdjustmentReader.class);

    /** Stands for market.adjustment_factors in the SQL of other stores while the table does not exist. */
    static final String NO_FACTORS = "(SELECT NULL::varchar(6) AS code, NULL::date AS ex_date,"
            + " NULL::double precision AS split_factor, NULL::double precision AS total_factor WHERE false)";

    private static final String TABLES_PRESENT = "SELECT to_regclass('market.adjustment_factors') IS NOT NULL"
            + " AND to_regclass('market.adjustment_versions') IS NOT NULL";

    private static final String SNAPSHOT = """
            SELECT coalesce(v.code, f.code), v.version, f.ex_date - date '1970-01-01', f.split_factor, f.total_factor
            FROM (SELECT code, version FROM market.adjustment_versions %1$s) v
            FULL JOIN (SELECT code, ex_date, split_factor, total_factor FROM market.adjustment_factors %1$s) f
                ON f.code = v.code
            ORDER BY 1, 3""";
    private static final String ALL = SNAPSHOT.formatted("");
    private static final String OF_CODES = SNAPSHOT.formatted("WHERE code = ANY (?)");

    private static final int FETCH_SIZE = 10_000;

    private final Jdbc jdbc;
    private final AtomicBoolean missingLogged = new AtomicBoolean();

    public AdjustmentReader(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stock's factors and version. */
    public PriceAdjustments all() {
        return tablesPresent() ? read(ALL) : PriceAdjustments.unavailable();
    }

    /** The factors and versions of {@code codes} only. */
    public PriceAdjustments of(Collection<String> codes) {
        if (!tablesPresent()) {
            return PriceAdjustments.unavailable();
        }
        String[] array = codes.toArray(String[]::new);
        return read(OF_CODES, array, array);
    }

    /**
     * Whether the factor tables exist, checked on every call so that a scheduler upgraded while ml-service runs
     * is picked up by the next run; their absence is logged the first time only.
     */
    public boolean tablesPresent() {
        boolean present = jdbc.first(TABLES_PRESENT, rs -> rs.getBoolean(1)).orElseThrow();
        if (!present && missingLogged.compareAndSet(false, true)) {
            LOG.warn("market.adjustment_factors or market.adjustment_versions does not exist (scheduler-service not"
                    + " upgraded yet): prices are used unadjusted and no stock's indicators are invalidated until"
                    + " they exist");
        } else if (present && missingLogged.compareAndSet(true, false)) {
            LOG.info("market.adjustment_factors and market.adjustment_versions exist now: prices are adjusted");
        }
        return present;
    }

    /** market.adjustment_factors in a statement, or an empty relation of its columns while it does not exist. */
    public String factorsRelation() {
        return tablesPresent() ? "market.adjustment_factors" : NO_FACTORS;
    }

    private PriceAdjustments read(String sql, Object... params) {
        Map<String, FactorSteps> steps = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        StepsBuilder current = new StepsBuilder();
        jdbc.stream(sql, FETCH_SIZE, rs -> {
            String code = rs.getString(1);
            if (!code.equals(current.code)) {
                current.addTo(steps);
                current.reset(code);
                long version = rs.getLong(2);
                if (!rs.wasNull()) {
                    versions.put(code, version);
                }
            }
            int exDay = rs.getInt(3);
            if (!rs.wasNull()) {
                current.add(exDay, rs.getDouble(4), rs.getDouble(5));
            }
        }, params);
        current.addTo(steps);
        return PriceAdjustments.of(steps, versions);
    }

    /** Collects one stock's steps while the rows stream in code, ex-date order. */
    private static final class StepsBuilder {
        private String code;
        private int size;
        private int[] exDays = new int[16];
        private double[] split = new double[16];
        private double[] total = new double[16];

        void reset(String newCode) {
            code = newCode;
            size = 0;
        }

        void add(int exDay, double splitFactor, double totalFactor) {
            if (size == exDays.length) {
                exDays = Arrays.copyOf(exDays, size * 2);
                split = Arrays.copyOf(split, size * 2);
                total = Arrays.copyOf(total, size * 2);
            }
            exDays[size] = exDay;
            split[size] = splitFactor;
            total[size] = totalFactor;
            size++;
        }

        void addTo(Map<String, FactorSteps> steps) {
            if (code != null && size > 0) {
                steps.put(code, new FactorSteps(Arrays.copyOf(exDays, size),
                        Arrays.copyOf(split, size), Arrays.copyOf(total, size)));
            }
        }
    }
}
