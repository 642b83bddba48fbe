package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A browser-less client of the HTTP API for tests: keeps the session cookie it was given at
 * sign-in and sends it back, like a page does. Not thread-safe.
 */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private String cookie;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An answer: status, body text and, when it is JSON, the parsed body. */
    record Answer(int status, String body, JsonNode json, HttpResponse<String> raw) {
    }

    static ApiClient signedIn(int port, String name, String password) throws Exception {
        ApiClient c = new ApiClient(port);
        Answer a = c.signIn(name, password);
        if (a.status() != 200) {
            throw new AssertionError("sign-in as " + name + " failed: " + a.status() + " " + a.body());
        }
        return c;
    }

    Answer signIn(String name, String password) throws Exception {
        Answer a = send("POST", "/api/session", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
        Optional<String> set = a.raw().headers().firstValue("set-cookie");
        set.ifPresent(v -> cookie = v.substring(0, v.indexOf(';')));
        return a;
    }

    /** The cookie this client sends ({@code iw_session=...}), or null before sign-in. */
    String cookie() {
        return cookie;
    }

    /** Sends {@code value} as the cookie from now on, as a browser holding an old or forged one would. */
    ApiClient withCookie(String value) {
        this.cookie = value;
        return this;
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    Answer post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    Answer send(String method, String path, String body) throws Exception {
        return send(method, path, body, "application/json");
    }

    Answer send(String method, String path, String body, String contentType) throws Exception {
        return send(method, path, body, contentType, Map.of());
    }

    /** A request with extra headers (e.g. another site's {@code Origin}). */
    Answer send(String method, String path, String body, String contentType, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = null;
        if (r.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
            try {
                node = json.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + r.body(), e);
            }
        }
        return new Answer(r.statusCode(), r.body(), node, r);
    }

    /** Opens the event stream and returns the raw response, whose body is read line by line. */
    HttpResponse<java.io.InputStream> stream() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/stream"));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
