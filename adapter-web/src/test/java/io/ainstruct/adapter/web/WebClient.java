package io.ainstruct.adapter.web;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that reads pages as a browser would, without running them; follows no redirects. */
final class WebClient {
    static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    WebClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    HttpResponse<String> getWith(String path, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header(header, value).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return postWith(path, form, Map.of());
    }

    HttpResponse<String> postWith(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts {@code form} as the page at {@code page} would: with that page's CSRF token. */
    HttpResponse<String> submit(String page, String action, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrf(get(page).body()));
        return post(action, withToken);
    }

    /** Registers {@code name}-xxxxxxxx through the pages and logs in; returns the username. */
    String registerAndLogIn(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = submit("/app/register", "/app/register", Map.of("username", username,
                "email", username + "@example.org", "password", PASSWORD, "password_again", PASSWORD));
        if (registered.statusCode() != 200) {
            throw new IllegalStateException("register failed: " + registered.statusCode() + " " + registered.body());
        }
        HttpResponse<String> login = submit("/app/login", "/app/login", Map.of("username", username, "password", PASSWORD));
        if (login.statusCode() != 303) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
        }
        return username;
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF field in the page: " + html);
        }
        return matcher.group(1);
    }

    java.util.List<java.net.HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
