package io.kmarket.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * One packaged Quarkus application (target/quarkus-app/quarkus-run.jar) run as a child process on a free port,
 * with the JDK the build runs with. Its output goes to target/e2e-logs/ for post-mortems.
 */
final class ChildApp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChildApp.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ChildApp(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code module}'s packaged application with {@code env} (plus its HTTP port) and waits until ready. */
    static ChildApp start(String name, String module, Map<String, String> env) {
        ChildApp app = launch(name, module, env);
        app.awaitReady();
        return app;
    }

    /** Starts it without waiting for anything: for a start that is meant to fail. */
    static ChildApp launch(String name, String module, Map<String, String> env) {
        Path jar = Checkout.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first (the reactor does)");
        }
        int port = freePort();
        try {
            Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
            Path log = logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
            String java = ProcessHandle.current().info().command()
                    .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this JVM"));
            List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                    jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("KMARKET_HTTP_PORT", Integer.toString(port));
            LOG.infof("Starting %s on port %d (log: %s)", name, port, log.toAbsolutePath());
            return new ChildApp(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its exit code, waiting at most {@code atMost}; empty while it still runs then. */
    Optional<Integer> exitCode(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue())
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** Everything it printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() {
        Json http = new Json(baseUrl(), Map.of());
        await(name + " ready").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start: see "
                        + log.toAbsolutePath());
            }
            return http.answers("/q/health/ready");
        });
    }

    /** SIGKILL: no shutdown hook, no graceful close of anything, as a crash or an OOM kill. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, then SIGKILL when it does not stop in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warnf("%s did not stop within 30 s of SIGTERM, killing it", name);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
