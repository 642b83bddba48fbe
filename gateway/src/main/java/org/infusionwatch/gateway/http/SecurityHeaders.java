package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpHeaders;

/** Headers on every answer: pages run only their own scripts and styles and are never framed. */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; media-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void apply(HttpHeaders h) {
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
    }
}
