package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.http.auth.Permission;
import org.infusionwatch.gateway.http.auth.Session;

/**
 * The protocol profile in force, and uploading a new protocol file. An upload is checked the way
 * the gateway checks a file at start (every field known and valid) and stored in the data
 * folder's {@code protocols/}; it takes effect only when the gateway is next started with
 * {@code --protocol} naming it, so the rules never change in the middle of an infusion window.
 * Nurses may read the profile but not upload one.
 */
final class ProtocolRoutes {
    private static final String STAGED = "protocols";

    private final HttpContext ctx;

    ProtocolRoutes(HttpContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        r.add("GET", "/api/protocol", Permission.VIEW_PROTOCOL, this::show);
        r.add("PUT", "/api/protocol", Permission.CHANGE_PROTOCOL, this::upload);
    }

    private void show(Exchange x) {
        ProtocolProfile p = ctx.profile();
        Map<String, Object> m = describe(p);
        m.put("staged", staged());
        x.json(HttpResponseStatus.OK, m);
    }

    private void upload(Exchange x) {
        Session s = x.session();
        ProtocolProfile p;
        try {
            p = ProtocolProfile.parse(x.body(), "upload");
        } catch (IllegalArgumentException e) {
            ctx.audit().record(s.user(), s.role().id(), "PROTOCOL_UPLOAD", "", "REFUSED");
            throw ApiException.badRequest(e.getMessage());
        }
        String fileName = "%s-v%d-%s.properties".formatted(p.name().replaceAll("[^A-Za-z0-9._-]", "_"), p.version(),
                p.contentHash().substring(0, 12));
        Path dir = ctx.dataDir().resolve(STAGED);
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            Files.write(file, x.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the protocol file", e);
        }
        ctx.audit().record(s.user(), s.role().id(), "PROTOCOL_UPLOAD", fileName, "OK");
        Map<String, Object> m = describe(p);
        m.put("storedAs", file.toAbsolutePath().toString());
        m.put("takesEffect", "when the gateway is next started with --protocol " + file.toAbsolutePath());
        x.json(HttpResponseStatus.CREATED, m);
    }

    private static Map<String, Object> describe(ProtocolProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("description", p.description());
        m.put("sha256", p.contentHash());
        m.put("windowMinutes", p.windowMs() / 60_000L);
        m.put("longWindowMinutes", p.longWindowMs() / 60_000L);
        return m;
    }

    private List<String> staged() {
        Path dir = ctx.dataDir().resolve(STAGED);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.map(f -> f.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
