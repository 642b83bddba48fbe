package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.infusionwatch.gateway.http.auth.Permission;
import org.infusionwatch.gateway.http.auth.Session;
import org.infusionwatch.gateway.http.auth.Sessions;

/**
 * The pages, scripts and styles, served from {@code web/} on the class path, read once at start.
 * Only the files listed are served, so no path can reach anything else. {@code /} sends a signed-in
 * person to their role's page and anyone else to the sign-in page; so does a view page asked for
 * without a session (or by a role that cannot use it), so nobody sees an empty station before
 * its scripts find out. Pages hold no ward data (that comes from the API, which answers 401), so
 * scripts, styles and the sign-in page are served to anyone. Thread-safe (immutable).
 */
final class StaticFiles implements Router.Handler {
    static final List<String> FILES = List.of("login.html", "nurse.html", "coordinator.html", "app.css",
            "js/common.js", "js/login.js", "js/nurse.js", "js/coordinator.js", "js/chart.js", "favicon.svg");

    private record File(byte[] bytes, String type) {
    }

    /** The view pages and what a session needs to use each. */
    private static final Map<String, Permission> VIEWS = Map.of(
            "/nurse.html", Permission.VIEW_WARD,
            "/coordinator.html", Permission.REVIEW_EVENTS);

    private final Map<String, File> files = new HashMap<>();
    private final Sessions sessions;

    StaticFiles(Sessions sessions) {
        this.sessions = sessions;
        for (String name : FILES) {
            try (InputStream in = StaticFiles.class.getResourceAsStream("/web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("web/" + name + " is missing from the gateway jar");
                }
                files.put("/" + name, new File(in.readAllBytes(), typeOf(name)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read web/" + name, e);
            }
        }
    }

    @Override
    public void handle(Exchange x) {
        if (!x.method().equals("GET")) {
            x.error(HttpResponseStatus.METHOD_NOT_ALLOWED, x.method() + " is not allowed on " + x.path());
            return;
        }
        if (x.path().equals("/")) {
            String home = sessions.find(x.sessionToken()).map(StaticFiles::home).orElse("/login.html");
            x.respond(HttpResponseStatus.FOUND, "text/plain", new byte[0], Map.of(HttpHeaderNames.LOCATION.toString(), home));
            return;
        }
        Permission needed = VIEWS.get(x.path());
        if (needed != null) {
            Optional<Session> s = sessions.find(x.sessionToken());
            if (s.isEmpty() || !s.get().may(needed)) {
                String to = s.map(StaticFiles::home)
                        .orElse("/login.html?next=" + URLEncoder.encode(x.path(), StandardCharsets.UTF_8));
                x.respond(HttpResponseStatus.FOUND, "text/plain", new byte[0], Map.of(HttpHeaderNames.LOCATION.toString(), to));
                return;
            }
        }
        File f = files.get(x.path());
        if (f == null) {
            x.error(HttpResponseStatus.NOT_FOUND, "not found: " + x.path());
            return;
        }
        x.respond(HttpResponseStatus.OK, f.type(), f.bytes(), Map.of());
    }

    /** The page a role starts on: nurses at the nurse station, the others at the event log. */
    static String home(Session s) {
        return s.may(Permission.ACKNOWLEDGE_ALERT) || !s.may(Permission.REVIEW_EVENTS) ? "/nurse.html" : "/coordinator.html";
    }

    private static String typeOf(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }
}
