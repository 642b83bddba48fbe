package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.infusionwatch.gateway.http.auth.Permission;

/** The audit trail of who did what through the pages, for administrators. */
final class AuditRoutes {
    private static final int DEFAULT_LIMIT = 200;
    private static final int MAX_LIMIT = 5_000;

    private final HttpContext ctx;

    AuditRoutes(HttpContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/api/audit", Permission.VIEW_AUDIT, x -> {
            int limit = DEFAULT_LIMIT;
            if (x.query("limit") != null) {
                try {
                    limit = Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(x.query("limit"))));
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("limit must be a number");
                }
            }
            x.json(HttpResponseStatus.OK, ctx.audit().tail(limit));
        });
    }
}
