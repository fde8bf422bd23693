package io.kmarket.scheduler.collect.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.kmarket.scheduler.collect.fetch.ResponseCheck;

/**
 * A local HTTP endpoint whose answers the limiter tests control, where a stub of a real upstream cannot: a request
 * to {@code /held} stays in flight until the test lets it through, so a test sees how many requests of a site are
 * in flight at once. The limiter looks at no body, so none is in an upstream's format.
 * <ul>
 * <li>{@code /fast} and any other path: 200 at once; {@code /slow}: 200 after a second; {@code /error}: 500; {@code /blocked}: 403;
 * <li>{@code /limited-once}: 429 the first time, 200 after;
 * <li>{@code /held}: 200 once {@link #letThrough} allows it.
 * </ul>
 */
final class ControlledUpstream implements AutoCloseable {

    private final HttpServer server;
    private final Semaphore gate = new Semaphore(0);
    private final AtomicBoolean limited = new AtomicBoolean();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Queue<String> cookies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    private ControlledUpstream(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static ControlledUpstream start() {
        try {
            return new ControlledUpstream(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    /** {@code site} sends a GET of {@code path} here (an interrupt surfaces unchecked, for callers in lambdas). */
    HttpResponse<byte[]> send(SiteRuntime site, String path, ResponseCheck check, AtomicInteger attempts) {
        try {
            return site.send(request(path), check, attempts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + path, e);
        }
    }

    HttpResponse<byte[]> send(SiteRuntime site, String path) {
        return send(site, path, ResponseCheck.STANDARD, new AtomicInteger());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        cookies.addAll(exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
        try {
            int status = switch (path) {
                case "/held" -> held();
                case "/slow" -> {
                    Thread.sleep(1_000);
                    yield 200;
                }
                case "/error" -> 500;
                case "/blocked" -> 403;
                case "/limited-once" -> limited.compareAndSet(false, true) ? 429 : 200;
                default -> 200;
            };
            byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private int held() throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            gate.acquire();
            return 200;
        } finally {
            inFlight.decrementAndGet();
            finished.incrementAndGet();
        }
    }

    /** Lets {@code count} requests to {@code /held} answer (those in flight first, then those still to come). */
    void letThrough(int count) {
        gate.release(count);
    }

    /** Requests received on {@code path}, answered or not. */
    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    int heldInFlight() {
        return inFlight.get();
    }

    int mostHeldInFlight() {
        return maxInFlight.get();
    }

    int heldFinished() {
        return finished.get();
    }

    /** Every Cookie header received. */
    List<String> cookieHeaders() {
        return List.copyOf(cookies);
    }

    @Override
    public void close() {
        gate.release(1_000);
        server.stop(0);
    }
}
