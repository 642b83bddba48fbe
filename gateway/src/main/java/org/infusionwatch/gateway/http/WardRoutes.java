package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.gateway.http.auth.Permission;
import org.infusionwatch.gateway.view.EntryWords;

/** The nurse station: the ward as JSON, the live event stream, and the kinds of bedside entries. */
final class WardRoutes {
    private final HttpContext ctx;
    private final EventStream stream;

    WardRoutes(HttpContext ctx, EventStream stream) {
        this.ctx = ctx;
        this.stream = stream;
    }

    void register(Router r) {
        r.add("GET", "/api/ward", Permission.VIEW_WARD, x -> x.json(HttpResponseStatus.OK, ctx.view().snapshot()));
        r.add("GET", "/api/stream", Permission.VIEW_WARD, x -> stream.open(x, ctx.view().snapshot()));
        r.add("GET", "/api/entry-types", Permission.VIEW_WARD, this::entryTypes);
    }

    /** The entry types this agent knows, so the page offers exactly those. */
    private void entryTypes(Exchange x) {
        List<Map<String, String>> types = new ArrayList<>();
        for (ClinicianEntry.Type t : ClinicianEntry.Type.values()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("type", t.name());
            m.put("label", EntryWords.label(t.name()));
            types.add(m);
        }
        x.json(HttpResponseStatus.OK, types);
    }
}
