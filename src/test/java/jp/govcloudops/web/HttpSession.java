package jp.govcloudops.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client over real HTTP: its own cookies, no redirects followed, CSRF tokens read from pages. */
final class HttpSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    HttpSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the form with the session's CSRF token, read from {@code page} as a browser would have it. */
    HttpResponse<String> postWithToken(String page, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", token(page));
        return post(path, withToken);
    }

    String token(String page) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + page);
        }
        return m.group(1);
    }

    /** Signs in through the login form; returns the response to the form's POST. */
    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        return postWithToken("/login", "/login", Map.of("username", user, "password", password));
    }

    static HttpSession signedIn(String base, String user, String password) throws IOException, InterruptedException {
        HttpSession session = new HttpSession(base);
        HttpResponse<String> response = session.login(user, password);
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new AssertionError("sign-in of " + user + " gave " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        return session;
    }
}
