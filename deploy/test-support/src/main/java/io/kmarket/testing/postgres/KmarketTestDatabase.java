package io.kmarket.testing.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

import org.flywaydb.core.Flyway;

/**
 * The kmarket database of one test JVM: started on first use, shared by every test class of the run, and
 * removed when the JVM exits. It carries the real roles and grants of {@code deploy/db/roles.sql}, and can
 * apply another service's migrations so a service can be tested against the tables it only reads.
 */
public final class KmarketTestDatabase {

    public static final String DATABASE = "kmarket";

    private static KmarketTestDatabase shared;

    private final LocalPostgresCluster cluster;
    private final Set<ServiceSchema> migrated = EnumSet.noneOf(ServiceSchema.class);

    private KmarketTestDatabase(LocalPostgresCluster cluster) {
        this.cluster = cluster;
    }

    public static synchronized KmarketTestDatabase shared() {
        if (shared == null) {
            LocalPostgresCluster cluster = LocalPostgresCluster.start();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "kmarket-test-postgres-stop"));
            cluster.psql("postgres", "CREATE DATABASE " + DATABASE + ";");
            cluster.psql(DATABASE, rolesScript(),
                    "scheduler_password=" + ServiceSchema.SCHEDULER.password(),
                    "ml_password=" + ServiceSchema.ML.password(),
                    "api_password=" + ServiceSchema.API.password());
            shared = new KmarketTestDatabase(cluster);
        }
        return shared;
    }

    public String jdbcUrl() {
        return cluster.jdbcUrl(DATABASE);
    }

    /**
     * Takes the run's database away (a fast shutdown: every open session is cut) until {@link #start()}. The
     * cluster is shared by every test class of the run, so a test that stops it must start it again, in a
     * {@code finally} or an {@code @AfterAll}.
     */
    public void stop() {
        cluster.stopServer();
    }

    /** Brings the database back after {@link #stop()}: same port, same data; returns once it accepts connections. */
    public void start() {
        cluster.startServer();
    }

    /** Applies the owner's migrations as the owner, once per run, as the owning service would at start. */
    public synchronized void migrate(ServiceSchema owner) {
        if (owner.migrationDirectory() == null || !migrated.add(owner)) {
            return;
        }
        Path location = repositoryRoot().resolve(owner.migrationDirectory());
        Flyway.configure()
                .dataSource(jdbcUrl(), owner.role(), owner.password())
                .schemas(owner.schemas().toArray(String[]::new))
                .locations("filesystem:" + location)
                .load()
                .migrate();
    }

    /** A superuser connection, for seeding and inspecting data in tests. */
    public Connection connectAsSuperuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), LocalPostgresCluster.SUPERUSER, "");
    }

    public Connection connectAs(ServiceSchema service) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), service.role(), service.password());
    }

    private static String rolesScript() {
        try (InputStream in = KmarketTestDatabase.class.getResourceAsStream("/kmarket-db/roles.sql")) {
            if (in == null) {
                throw new IllegalStateException("kmarket-db/roles.sql missing from the test-postgres jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maven runs each module's tests in its own directory; the migrations live in sibling modules. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/db/roles.sql"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the kmarket repository root above " + Path.of("").toAbsolutePath());
    }
}
