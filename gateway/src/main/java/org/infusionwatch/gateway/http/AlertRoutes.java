package org.infusionwatch.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.infusionwatch.agent.model.AlertAction;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.pipeline.InputSource;
import org.infusionwatch.gateway.http.auth.Permission;
import org.infusionwatch.gateway.http.auth.Session;
import org.infusionwatch.gateway.mqtt.AlertActionPayloadDecoder;
import org.infusionwatch.gateway.mqtt.PayloadException;
import org.infusionwatch.gateway.view.WardSnapshot;

/**
 * Acknowledging an alert and adding a note to it. Each action becomes an input like one from
 * MQTT: written in the alert-action JSON form (docs/wire-formats.md) with the signed-in user as
 * {@code by}, read back by the same decoder a replay uses, put into the agent's ring, and answered
 * only once the journal holds it. An alert is acknowledged once: a second attempt, even one racing
 * the first, answers 409 with who was first. The audit line {@code OK} is written when the action
 * is handed to the ring; should the journal then fail, a {@code FAILED} line follows (written on
 * the journal thread, which is acceptable only because that is rare).
 */
final class AlertRoutes {
    private static final int MAX_NOTE = 500;

    private final HttpContext ctx;
    private final AlertActionPayloadDecoder decoder;
    /** Alerts whose acknowledgement is on its way or done: the first claim wins. */
    private final Map<String, String> acknowledging = new ConcurrentHashMap<>();

    AlertRoutes(HttpContext ctx) {
        this.ctx = ctx;
        this.decoder = new AlertActionPayloadDecoder(ctx.json());
    }

    void register(Router r) {
        r.add("POST", "/api/alerts/{alertId}/acknowledge", Permission.ACKNOWLEDGE_ALERT, this::acknowledge);
        r.add("POST", "/api/alerts/{alertId}/notes", Permission.ANNOTATE_ALERT, this::annotate);
    }

    private void acknowledge(Exchange x) throws PayloadException {
        Session s = x.session();
        WardSnapshot.AlertItem alert = find(x);
        String note = note(x, false);
        String first = alert.acknowledged() ? alert.acknowledgedBy() : acknowledging.putIfAbsent(alert.alertId(), s.user());
        if (first != null) {
            ctx.audit().record(s.user(), s.role().id(), "ACKNOWLEDGE", alert.alertId(), "CONFLICT");
            x.json(HttpResponseStatus.CONFLICT, Map.of("error", "already acknowledged by " + first,
                    "acknowledgedBy", first, "status", 409));
            return;
        }
        publish(x, alert, AlertAction.Action.ACKNOWLEDGE, note, () -> {
            acknowledging.remove(alert.alertId(), s.user());
            ctx.audit().record(s.user(), s.role().id(), "ACKNOWLEDGE", alert.alertId(), "FAILED");
        });
        ctx.audit().record(s.user(), s.role().id(), "ACKNOWLEDGE", alert.alertId(), "OK");
    }

    private void annotate(Exchange x) throws PayloadException {
        Session s = x.session();
        WardSnapshot.AlertItem alert = find(x);
        publish(x, alert, AlertAction.Action.ANNOTATE, note(x, true),
                () -> ctx.audit().record(s.user(), s.role().id(), "ANNOTATE", alert.alertId(), "FAILED"));
        ctx.audit().record(s.user(), s.role().id(), "ANNOTATE", alert.alertId(), "OK");
    }

    private WardSnapshot.AlertItem find(Exchange x) {
        String id = x.param("alertId");
        return ctx.view().alert(id).orElseThrow(() -> ApiException.notFound("no alert " + id));
    }

    private static String note(Exchange x, boolean required) {
        String note = x.jsonBody().path("note").asText("").strip();
        if (required && note.isEmpty()) {
            throw ApiException.badRequest("a note is required");
        }
        if (note.length() > MAX_NOTE) {
            throw ApiException.badRequest("a note may have at most " + MAX_NOTE + " characters");
        }
        return note;
    }

    private void publish(Exchange x, WardSnapshot.AlertItem alert, AlertAction.Action kind, String note,
                         Runnable onFailure) throws PayloadException {
        BedRef bed = new BedRef(alert.unit(), alert.bed());
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("actionId", "web-" + UUID.randomUUID());
        wire.put("alertId", alert.alertId());
        wire.put("action", kind.name());
        wire.put("time", ctx.agentClockMs().getAsLong());
        wire.put("by", x.session().user());
        wire.put("note", note);
        wire.put("via", "http");
        byte[] raw = bytes(wire);
        String origin = "icu/" + bed.unit() + "/" + bed.bed() + "/alert-actions";
        AlertAction action = decoder.decode(origin, raw);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("alertId", action.alertId());
        answer.put("action", action.action().name());
        answer.put("by", action.by());
        answer.put("timeMs", action.timeMs());
        ctx.publisher().publishAlertAction(action, new InputSource(InputSource.Format.ACTION_JSON, origin), raw,
                new DurableReply(x, HttpResponseStatus.OK, answer, onFailure));
    }

    private byte[] bytes(Map<String, Object> wire) {
        try {
            return ctx.json().writeValueAsBytes(wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
