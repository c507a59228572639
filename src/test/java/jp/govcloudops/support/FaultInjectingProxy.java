package jp.govcloudops.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP proxy in front of the S3 test server that makes the first attempt of every distinct request fail:
 * 503 SlowDown throttling, a 500, a connection reset before any response, or (for object reads) a body cut off
 * half way. Later attempts pass through, so a client that retries correctly still gets every byte.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    public enum Fault { SLOW_DOWN, INTERNAL_ERROR, RESET, CUT_BODY }

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();

    public FaultInjectingProxy(String target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int injected(Fault fault) {
        return injected.getOrDefault(fault, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String request = method + " " + HttpForwarding.pathAndQuery(exchange);
            int attempt = attempts.computeIfAbsent(request, k -> new AtomicInteger()).incrementAndGet();
            boolean objectRead = method.equals("GET") && !exchange.getRequestURI().getRawPath().endsWith("/")
                    && exchange.getRequestURI().getRawQuery() == null;
            Fault fault = attempt > 1 ? null
                    : objectRead ? (Math.floorMod(request.hashCode(), 2) == 0 ? Fault.CUT_BODY : Fault.RESET)
                    : Fault.values()[Math.floorMod(request.hashCode(), 3)];
            if (fault == Fault.RESET) {
                count(fault);
                return; // closing without a response: the client sees the connection drop
            }
            if (fault == Fault.SLOW_DOWN || fault == Fault.INTERNAL_ERROR) {
                count(fault);
                String code = fault == Fault.SLOW_DOWN ? "SlowDown" : "InternalError";
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                        + "</Code><Message>injected</Message></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(fault == Fault.SLOW_DOWN ? 503 : 500, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            HttpResponse<byte[]> response = HttpForwarding.forward(upstream, target, exchange);
            byte[] body = response.body();
            boolean headOnly = HttpForwarding.headOnly(exchange, response);
            exchange.sendResponseHeaders(response.statusCode(), headOnly ? -1 : body.length);
            if (!headOnly && body.length > 0) {
                OutputStream out = exchange.getResponseBody();
                if (fault == Fault.CUT_BODY && body.length > 1) {
                    count(fault);
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    // Abort the exchange with the body half sent.
                    throw new IOException("injected: connection dropped mid-body");
                }
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count(Fault fault) {
        injected.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
