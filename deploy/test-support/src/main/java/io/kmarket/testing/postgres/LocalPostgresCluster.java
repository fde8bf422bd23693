package io.kmarket.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster in a temporary directory on a free port, built from the Debian {@code postgresql-15}
 * binaries. initdb and postgres refuse to run as root, so as root every server command runs as the
 * {@code postgres} user through {@code runuser}; as any other user they run directly.
 */
public final class LocalPostgresCluster implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final String DEFAULT_BIN_DIR = "/usr/lib/postgresql/15/bin";

    private final Path binDir;
    private final Path dataDir;
    private final Path socketDir;
    private final int port;
    private final boolean asPostgresUser;
    private boolean running;

    private LocalPostgresCluster(Path binDir, Path baseDir, int port) {
        this.binDir = binDir;
        this.dataDir = baseDir.resolve("data");
        this.socketDir = baseDir;
        this.port = port;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** Initialises and starts a cluster tuned for tests (no fsync: its data is thrown away anyway). */
    public static LocalPostgresCluster start() {
        Path binDir = Path.of(System.getenv().getOrDefault("KMARKET_PG_BIN", DEFAULT_BIN_DIR));
        if (!Files.isExecutable(binDir.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL binaries not found in " + binDir
                    + ": install postgresql-15 (apt-get install postgresql-15) or set KMARKET_PG_BIN");
        }
        try {
            Path baseDir = Files.createTempDirectory("kmarket-pg-");
            LocalPostgresCluster cluster = new LocalPostgresCluster(binDir, baseDir, freePort());
            cluster.initAndStart();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs psql as the superuser over the cluster's socket, feeding it {@code script} on stdin. */
    public void psql(String database, String script, String... variables) {
        List<String> command = new ArrayList<>(List.of(binDir.resolve("psql").toString(), "-X", "-q",
                "-h", socketDir.toString(), "-p", String.valueOf(port), "-U", SUPERUSER, "-d", database,
                "-v", "ON_ERROR_STOP=1"));
        for (String variable : variables) {
            command.add("-v");
            command.add(variable);
        }
        run(command, script);
    }

    private void initAndStart() throws IOException {
        if (asPostgresUser) {
            UserPrincipal postgres = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(SUPERUSER);
            Files.setOwner(socketDir, postgres);
        }
        serverCommand(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        startServer();
    }

    /** Starts the server again after {@link #stopServer()}, on the same port with the same data. */
    public synchronized void startServer() {
        if (running) {
            return;
        }
        serverCommand(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                "-l", socketDir.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"));
        running = true;
    }

    /**
     * Stops the server as an operator's restart does (fast shutdown: open sessions are cut, clients see their
     * connections close), keeping its data, so that tests can watch a service lose and regain its database.
     */
    public synchronized void stopServer() {
        if (!running) {
            return;
        }
        serverCommand(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast",
                "-w", "-t", "60", "stop"));
        running = false;
    }

    @Override
    public synchronized void close() {
        try {
            if (running) {
                serverCommand(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m",
                        "immediate", "-w", "stop"));
                running = false;
            }
        } finally {
            deleteRecursively(socketDir);
        }
    }

    private void serverCommand(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(command);
        run(full, null);
    }

    private static void run(List<String> command, String stdin) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
