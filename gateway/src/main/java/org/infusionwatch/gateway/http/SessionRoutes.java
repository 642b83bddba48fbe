package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.infusionwatch.gateway.http.auth.Permission;
import org.infusionwatch.gateway.http.auth.Session;
import org.infusionwatch.gateway.http.auth.UserAccount;

/**
 * Sign-in, who am I, sign-out. The session lives in an HttpOnly, SameSite=Strict cookie that
 * scripts cannot read. A failed sign-in says only that name or password is wrong.
 */
final class SessionRoutes {
    private final HttpContext ctx;

    SessionRoutes(HttpContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.open("POST", "/api/session", this::signIn);
        r.add("GET", "/api/session", null, this::whoAmI);
        r.add("DELETE", "/api/session", null, this::signOut);
    }

    private void signIn(Exchange x) {
        JsonNode body = x.jsonBody();
        String name = body.path("name").asText("").trim();
        String password = body.path("password").asText("");
        if (name.isEmpty() || password.isEmpty()) {
            throw ApiException.badRequest("name and password are required");
        }
        Optional<UserAccount> account = ctx.users().authenticate(name, password.toCharArray());
        if (account.isEmpty()) {
            ctx.audit().record(safeName(name), "-", "SIGN_IN", "", "FAILED");
            x.error(HttpResponseStatus.UNAUTHORIZED, "wrong name or password");
            return;
        }
        Session s = ctx.sessions().open(account.get());
        ctx.audit().record(s.user(), s.role().id(), "SIGN_IN", "", "OK");
        DefaultCookie cookie = new DefaultCookie(Exchange.SESSION_COOKIE, s.token());
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
        x.respond(HttpResponseStatus.OK, "application/json; charset=utf-8", bytes(x, describe(s)),
                Map.of(HttpHeaderNames.SET_COOKIE.toString(), ServerCookieEncoder.STRICT.encode(cookie)));
    }

    private void whoAmI(Exchange x) {
        x.json(HttpResponseStatus.OK, describe(x.session()));
    }

    private void signOut(Exchange x) {
        Session s = x.session();
        ctx.sessions().close(s.token());
        ctx.audit().record(s.user(), s.role().id(), "SIGN_OUT", "", "OK");
        DefaultCookie cookie = new DefaultCookie(Exchange.SESSION_COOKIE, "");
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(0);
        cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
        x.respond(HttpResponseStatus.OK, "application/json; charset=utf-8", bytes(x, Map.of("signedOut", true)),
                Map.of(HttpHeaderNames.SET_COOKIE.toString(), ServerCookieEncoder.STRICT.encode(cookie)));
    }

    static Map<String, Object> describe(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.user());
        m.put("role", s.role().id());
        List<String> permissions = s.role().permissions().stream().sorted().map(Permission::name).toList();
        m.put("permissions", permissions);
        m.put("home", StaticFiles.home(s));
        return m;
    }

    private byte[] bytes(Exchange x, Object value) {
        try {
            return ctx.json().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A name someone typed, fit for the audit trail (it may be anything). */
    private static String safeName(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9._@-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
