package jp.govcloudops.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;

/** Passes a request a test proxy received on to the server behind it, and the response's headers back. */
final class HttpForwarding {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "transfer-encoding", "host",
            "keep-alive", "date", "expect", "upgrade");

    private HttpForwarding() {
    }

    /** The exchange's method, raw path and query, as the proxy forwards them. */
    static String pathAndQuery(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Sends the exchange's request to {@code target} and copies the response's end-to-end headers into it. */
    static HttpResponse<byte[]> forward(HttpClient upstream, String target, HttpExchange exchange)
            throws IOException, InterruptedException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + pathAndQuery(exchange)));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        byte[] requestBody;
        try (InputStream in = exchange.getRequestBody()) {
            requestBody = in.readAllBytes();
        }
        forward.method(exchange.getRequestMethod(), requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(requestBody));
        HttpResponse<byte[]> response = upstream.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        return response;
    }

    /** Whether the response has no body to send ({@code sendResponseHeaders} then takes -1). */
    static boolean headOnly(HttpExchange exchange, HttpResponse<byte[]> response) {
        return exchange.getRequestMethod().equals("HEAD") || response.statusCode() == 204
                || response.statusCode() == 304 || response.body().length == 0;
    }
}
