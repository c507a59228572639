package jp.govcloudops.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP proxy in front of the S3 test server that holds every request for a fixed time before passing it on, as
 * S3's first-byte latency does for a machine in the same region, and counts the requests by kind and the most in
 * flight at once (of each kind, and of all).
 */
public final class LatencyProxy implements AutoCloseable {

    public enum Kind { LIST, GET, HEAD, OTHER }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "latency-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final long delayMillis;
    private final Map<Kind, Gauge> gauges = new EnumMap<>(Kind.class);
    private final Gauge all = new Gauge();

    /** Requests of one kind: how many, how many now, the most at once. */
    private static final class Gauge {
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        void enter() {
            count.incrementAndGet();
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        void leave() {
            now.decrementAndGet();
        }
    }

    public LatencyProxy(String target, Duration delay) {
        this.target = target;
        this.delayMillis = delay.toMillis();
        for (Kind kind : Kind.values()) {
            gauges.put(kind, new Gauge());
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int requests(Kind kind) {
        return gauges.get(kind).count.get();
    }

    public int maxInFlight(Kind kind) {
        return gauges.get(kind).max.get();
    }

    public int maxInFlight() {
        return all.max.get();
    }

    /** Starts counting afresh (the most in flight too). */
    public void reset() {
        for (Gauge gauge : gauges.values()) {
            gauge.count.set(0);
            gauge.max.set(gauge.now.get());
        }
        all.count.set(0);
        all.max.set(all.now.get());
    }

    /** A listing is a GET of a bucket (path-style: one path segment) with a query; an object read has a key. */
    static Kind kind(String method, String rawPath, String rawQuery) {
        boolean bucketOnly = rawPath.indexOf('/', 1) < 0 || rawPath.indexOf('/', 1) == rawPath.length() - 1;
        return switch (method) {
            case "GET" -> bucketOnly ? Kind.LIST : Kind.GET;
            case "HEAD" -> bucketOnly ? Kind.OTHER : Kind.HEAD;
            default -> Kind.OTHER;
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        Gauge gauge = gauges.get(kind(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery()));
        gauge.enter();
        all.enter();
        try (exchange) {
            Thread.sleep(delayMillis);
            HttpResponse<byte[]> response = HttpForwarding.forward(upstream, target, exchange);
            boolean headOnly = HttpForwarding.headOnly(exchange, response);
            exchange.sendResponseHeaders(response.statusCode(), headOnly ? -1 : response.body().length);
            if (!headOnly) {
                exchange.getResponseBody().write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gauge.leave();
            all.leave();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
