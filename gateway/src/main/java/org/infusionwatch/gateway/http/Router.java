package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.infusionwatch.gateway.http.auth.AuditLog;
import org.infusionwatch.gateway.http.auth.Permission;
import org.infusionwatch.gateway.http.auth.Session;
import org.infusionwatch.gateway.http.auth.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches a request to a route ({@code /api/alerts/{alertId}/acknowledge}), and enforces the
 * access rules before the route runs: without a live session every {@code /api/} path but
 * sign-in answers 401 (unknown paths and methods too); a route the role may not use answers 403
 * (and is audited); a changing request (not GET) from another origin answers 403, and a POST
 * body must be JSON, so another site's form cannot act for a signed-in nurse. Paths outside
 * {@code /api/} fall through to the static pages.
 *
 * <p>Routes are added before the server starts; dispatching is then thread-safe.
 */
public final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** What a route does with a request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange x) throws Exception;
    }

    private record Route(String method, String[] segments, boolean open, Permission permission, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Sessions sessions;
    private final AuditLog audit;
    private final Handler fallback;

    public Router(Sessions sessions, AuditLog audit, Handler fallback) {
        this.sessions = sessions;
        this.audit = audit;
        this.fallback = fallback;
    }

    /** A route for anyone signed in whose role holds {@code permission} (null: any signed-in user). */
    public Router add(String method, String pattern, Permission permission, Handler handler) {
        routes.add(new Route(method, split(pattern), false, permission, handler));
        return this;
    }

    /** A route that needs no session (sign-in). */
    public Router open(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), true, null, handler));
        return this;
    }

    void dispatch(Exchange x) {
        try {
            route(x);
        } catch (ApiException e) {
            x.error(e.status(), e.getMessage());
        } catch (Exception e) {
            LOG.error("{} {} failed", x.method(), x.path(), e);
            x.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the gateway could not answer this request");
        }
    }

    private void route(Exchange x) throws Exception {
        String[] path = split(x.path());
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> params = match(r.segments, path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (!r.method.equals(x.method())) {
                continue;
            }
            x.pathParams(params);
            if (!r.open && !authorise(x, r)) {
                return;
            }
            if (!sameOrigin(x)) {
                x.error(HttpResponseStatus.FORBIDDEN, "request from another site refused");
                return;
            }
            r.handler.handle(x);
            return;
        }
        if (x.path().startsWith("/api/") && sessions.find(x.sessionToken()).isEmpty()) {
            // Without a session the API says nothing more, not even which paths or methods exist.
            x.error(HttpResponseStatus.UNAUTHORIZED, "sign in first");
        } else if (pathKnown) {
            x.error(HttpResponseStatus.METHOD_NOT_ALLOWED, x.method() + " is not allowed on " + x.path());
        } else if (x.path().startsWith("/api/")) {
            x.error(HttpResponseStatus.NOT_FOUND, "no such API path: " + x.path());
        } else {
            fallback.handle(x);
        }
    }

    private boolean authorise(Exchange x, Route r) {
        Optional<Session> s = sessions.find(x.sessionToken());
        if (s.isEmpty()) {
            x.error(HttpResponseStatus.UNAUTHORIZED, "sign in first");
            return false;
        }
        x.session(s.get());
        if (r.permission != null && !s.get().may(r.permission)) {
            audit.record(s.get().user(), s.get().role().id(), "DENIED " + r.permission, x.path(), "DENIED");
            x.error(HttpResponseStatus.FORBIDDEN, "the " + s.get().role().id() + " role may not do this ("
                    + r.permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
            return false;
        }
        return true;
    }

    /** Changing requests must come from our own pages: Origin (when sent) names our host, POST bodies are JSON. */
    private static boolean sameOrigin(Exchange x) {
        if (x.method().equals("GET") || x.method().equals("HEAD")) {
            return true;
        }
        String origin = x.header(HttpHeaderNames.ORIGIN);
        String host = x.header(HttpHeaderNames.HOST);
        if (origin != null && !origin.equals("null")) {
            try {
                URI o = URI.create(origin);
                String originHost = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
                if (host == null || !host.equalsIgnoreCase(originHost)) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        } else if (origin != null) {
            return false;
        }
        if (x.method().equals("POST") && x.body().length > 0) {
            String type = x.header(HttpHeaderNames.CONTENT_TYPE);
            return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
        }
        return true;
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), URLDecoder.decode(path[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
