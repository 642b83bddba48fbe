package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.pipeline.InputSource;
import org.infusionwatch.gateway.http.auth.Permission;
import org.infusionwatch.gateway.http.auth.Session;
import org.infusionwatch.gateway.mqtt.EntryPayloadDecoder;
import org.infusionwatch.gateway.mqtt.PayloadException;

/**
 * Bedside entries from the nurse station (cardioversion, transfusion-reaction signs, cardiac
 * arrest, death, manual infusion start and stop, and whatever else the agent knows): written in
 * the MQTT entry form with the signed-in user as {@code by}, read back by the decoder a replay
 * uses, put into the ring, and answered 201 once the journal holds it.
 */
final class EntryRoutes {
    private static final int MAX_NOTE = 500;

    private final HttpContext ctx;
    private final EntryPayloadDecoder decoder;

    EntryRoutes(HttpContext ctx) {
        this.ctx = ctx;
        this.decoder = new EntryPayloadDecoder(ctx.json());
    }

    void register(Router r) {
        r.add("POST", "/api/beds/{unit}/{bed}/entries", Permission.RECORD_ENTRY, this::record);
    }

    private void record(Exchange x) throws PayloadException {
        Session s = x.session();
        BedRef bed = new BedRef(x.param("unit"), x.param("bed"));
        if (!ctx.view().read(w -> w.knows(bed))) {
            throw ApiException.notFound("no bed " + bed.key() + " on this ward");
        }
        JsonNode body = x.jsonBody();
        String type = body.path("type").asText("").trim().toUpperCase(Locale.ROOT);
        try {
            ClinicianEntry.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("type must be one of " + Arrays.toString(ClinicianEntry.Type.values()));
        }
        String note = body.path("note").asText("").strip();
        if (note.length() > MAX_NOTE) {
            throw ApiException.badRequest("a note may have at most " + MAX_NOTE + " characters");
        }
        long timeMs = time(body);
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("entryId", "web-" + UUID.randomUUID());
        wire.put("type", type);
        wire.put("time", timeMs);
        wire.put("by", s.user());
        wire.put("note", note);
        wire.put("via", "http");
        byte[] raw = bytes(wire);
        String origin = "icu/" + bed.unit() + "/" + bed.bed() + "/entries";
        ClinicianEntry entry = decoder.decode(origin, raw);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entryId", entry.entryId());
        answer.put("bed", bed.key());
        answer.put("type", entry.type().name());
        answer.put("timeMs", entry.timeMs());
        answer.put("by", entry.by());
        ctx.publisher().publishEntry(entry, new InputSource(InputSource.Format.ENTRY_JSON, origin), raw,
                new DurableReply(x, HttpResponseStatus.CREATED, answer,
                        () -> ctx.audit().record(s.user(), s.role().id(), "ENTRY " + type, bed.key(), "FAILED")));
        ctx.audit().record(s.user(), s.role().id(), "ENTRY " + type, bed.key(), "OK");
    }

    /** When it happened: the body's ISO-8601 {@code time} if given (not in the future), else now on the agent clock. */
    private long time(JsonNode body) {
        long now = ctx.agentClockMs().getAsLong();
        JsonNode t = body.get("time");
        if (t == null || t.isNull() || t.asText().isBlank()) {
            return now;
        }
        try {
            long at = Instant.parse(t.asText()).toEpochMilli();
            if (at > now + 60_000L) {
                throw ApiException.badRequest("time is in the future");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("time must be an ISO-8601 instant such as 2026-11-22T10:15:00Z");
        }
    }

    private byte[] bytes(Map<String, Object> wire) {
        try {
            return ctx.json().writeValueAsBytes(wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
