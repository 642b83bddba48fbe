package org.infusionwatch.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.eventlog.ChainVerification;
import org.infusionwatch.agent.eventlog.EventFilter;
import org.infusionwatch.agent.eventlog.EventLogReader;
import org.infusionwatch.agent.eventlog.LoggedEvent;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.http.auth.Permission;
import org.infusionwatch.gateway.http.auth.Session;
import org.infusionwatch.gateway.view.Timeline;

/**
 * The coordinator's view of the event log: rows with filters, the same as CSV, the timeline of
 * a bed's values around an event, and the hash-chain check. Reads the log read-only on the route
 * threads, beside the live gateway.
 */
final class EventLogRoutes {
    private static final long HOUR_MS = 3_600_000L;
    private static final int MAX_ROWS = 5_000;

    private final HttpContext ctx;
    private final EventRows rows;

    EventLogRoutes(HttpContext ctx) {
        this.ctx = ctx;
        this.rows = new EventRows(ctx.json());
    }

    void register(Router r) {
        r.add("GET", "/api/events", Permission.REVIEW_EVENTS, this::events);
        r.add("GET", "/api/events.csv", Permission.REVIEW_EVENTS, this::csv);
        r.add("GET", "/api/events/{seq}/timeline", Permission.REVIEW_EVENTS, this::timeline);
        r.add("GET", "/api/verify", Permission.REVIEW_EVENTS, this::verify);
    }

    private void events(Exchange x) {
        List<LoggedEvent> found = query(x);
        List<Map<String, Object>> out = new ArrayList<>();
        int from = Math.max(0, found.size() - MAX_ROWS);
        for (int i = found.size() - 1; i >= from; i--) {
            out.add(rows.toMap(found.get(i)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", found.size());
        m.put("shown", out.size());
        m.put("rows", out);
        x.json(HttpResponseStatus.OK, m);
    }

    private void csv(Exchange x) {
        List<LoggedEvent> found = query(x);
        StringBuilder b = new StringBuilder(String.join(",", EventRows.CSV_COLUMNS)).append("\r\n");
        for (LoggedEvent e : found) {
            b.append(rows.csv(e)).append("\r\n");
        }
        Session s = x.session();
        ctx.audit().record(s.user(), s.role().id(), "EXPORT_CSV", found.size() + " rows", "OK");
        x.text(HttpResponseStatus.OK, "text/csv; charset=utf-8", b.toString(),
                Map.of("Content-Disposition", "attachment; filename=\"infusionwatch-events.csv\""));
    }

    private void timeline(Exchange x) {
        long seq;
        try {
            seq = Long.parseLong(x.param("seq"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("seq must be a number");
        }
        List<LoggedEvent> all;
        try (EventLogReader reader = EventLogReader.open(ctx.dataDir())) {
            all = reader.events(EventFilter.ALL);
        }
        LoggedEvent event = all.stream().filter(e -> e.seq() == seq).findFirst()
                .orElseThrow(() -> ApiException.notFound("no event " + seq));
        long t0 = event.onsetMs();
        for (LoggedEvent e : all) {
            if (!e.isAlert() && e.infusionId() != null && e.infusionId().equals(event.infusionId())) {
                t0 = e.onsetMs();
                break;
            }
        }
        long fromMs = t0 - HOUR_MS;
        long toMs = t0 + ctx.profile().windowMs();
        List<Map<String, Object>> markers = new ArrayList<>();
        marker(markers, "onset", t0, "T0: study infusion onset");
        for (LoggedEvent e : all) {
            boolean sameAlert = event.isAlert() && e.isAlert() && e.alertId().equals(event.alertId());
            boolean sameInfusion = !e.isAlert() && e.infusionId() != null && e.infusionId().equals(event.infusionId());
            if (sameAlert) {
                Map<String, Object> payload = rows.payload(e);
                switch (e.state()) {
                    case "RAISED" -> {
                        marker(markers, "crossing", e.onsetMs(), "threshold crossed");
                        marker(markers, "alert", e.eventMs(), "alert raised");
                    }
                    case "ACKNOWLEDGED" -> marker(markers, "acknowledged", e.eventMs(),
                            "acknowledged by " + payload.getOrDefault("by", "?"));
                    case "ESCALATED" -> marker(markers, "escalated", e.eventMs(), "escalated");
                    default -> { }
                }
            } else if (sameInfusion && !e.state().equals("OPENED")) {
                marker(markers, "infusion", e.eventMs(), rows.toMap(e).get("eventName").toString());
            }
        }
        BedRef bed = new BedRef(event.unit(), event.bed());
        Timeline timeline = ctx.view().read(w -> w.timeline(bed, fromMs, toMs));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", rows.toMap(event));
        m.put("bedKey", bed.key());
        m.put("t0Ms", t0);
        m.put("fromMs", fromMs);
        m.put("toMs", toMs);
        m.put("markers", markers);
        m.put("series", timeline.series());
        x.json(HttpResponseStatus.OK, m);
    }

    private void verify(Exchange x) {
        ChainVerification v;
        try (EventLogReader reader = EventLogReader.open(ctx.dataDir())) {
            v = reader.verify();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intact", v.intact());
        m.put("rows", v.rows());
        m.put("firstBrokenSeq", v.intact() ? null : v.firstBrokenSeq());
        m.put("problem", v.problem());
        x.json(HttpResponseStatus.OK, m);
    }

    private static void marker(List<Map<String, Object>> markers, String kind, long timeMs, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("timeMs", timeMs);
        m.put("label", label);
        markers.add(m);
    }

    private List<LoggedEvent> query(Exchange x) {
        EventFilter filter = new EventFilter(time(x.query("from"), false), time(x.query("to"), true), x.query("bed"),
                x.query("code"));
        String kind = x.query("kind");
        String state = x.query("state");
        try (EventLogReader reader = EventLogReader.open(ctx.dataDir())) {
            return reader.events(filter).stream()
                    .filter(e -> kind == null || e.kind().equalsIgnoreCase(kind))
                    .filter(e -> state == null || e.state().equalsIgnoreCase(state))
                    .toList();
        }
    }

    /** An ISO instant, a date (the start of that day, or its end for {@code to}, UTC), or nothing. */
    static long time(String text, boolean end) {
        if (text == null) {
            return end ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        try {
            if (text.length() == 10) {
                LocalDate d = LocalDate.parse(text);
                return end ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("from and to must be dates (2026-11-22) or instants (2026-11-22T10:00:00Z)");
        }
    }
}
