package org.infusionwatch.gateway.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;

/**
 * Everything the ward view knows about one bed: the latest key values and their history, the
 * pumps, the devices and when each last spoke, the current study infusion and the latest
 * clinician entries. Not thread-safe: owned by the ward view's thread.
 */
final class BedBoard {
    static final long ONLINE_MS = 3 * 60_000L;
    static final long LATE_MS = 10 * 60_000L;
    private static final int FLOW_FLUID_PUMP = 157784;
    private static final int RECENT_ENTRIES = 5;

    final BedRef bed;
    String patient;
    private final WardLayout layout;
    private final Map<KeySignal, Latest[]> latest = new EnumMap<>(KeySignal.class);
    private final Map<String, PumpLine> pumps = new TreeMap<>();
    private final Map<String, DeviceLine> devices = new TreeMap<>();
    private final Deque<ClinicianEntry> entries = new ArrayDeque<>();
    private final Map<String, SampleSeries> history = new LinkedHashMap<>();
    private final Map<String, String[]> seriesLabels = new LinkedHashMap<>();
    private String infusionId;
    private long onsetMs;
    private boolean infusing;
    private boolean windowClosed;

    private record Latest(double value, long timeMs, String deviceId) {
    }

    private static final class PumpLine {
        String drug = "";
        double rate = Double.NaN;
        boolean running;
        long timeMs;
    }

    private static final class DeviceLine {
        String kind = "device";
        long lastSeenMs = Long.MIN_VALUE;
    }

    BedBoard(BedRef bed, String patient, WardLayout layout) {
        this.bed = bed;
        this.patient = patient;
        this.layout = layout;
    }

    void onReport(DeviceReport r) {
        String reporter = r.deviceId() == null || r.deviceId().isBlank() ? "unknown device" : r.deviceId();
        DeviceLine device = devices.computeIfAbsent(reporter, k -> new DeviceLine());
        device.lastSeenMs = Math.max(device.lastSeenMs, r.timeMs());
        String kind = kindOf(r);
        if (kind != null) {
            device.kind = kind;
        }
        for (Observation o : r.observations()) {
            long t = o.timeMs() != 0 ? o.timeMs() : r.timeMs();
            KeySignal s = KeySignal.of(o);
            if (s != null) {
                keep(s, s.normalise(o), t, o.deviceId() == null || o.deviceId().isBlank() ? reporter : o.deviceId(),
                        s.rank(o.mdcCode()));
            } else if (o.mdcCode() == FLOW_FLUID_PUMP && o.isNumeric() && r.kind() == ReportKind.OBSERVATIONS) {
                PumpLine pump = pumps.computeIfAbsent(reporter, k -> new PumpLine());
                pump.rate = o.value();
                pump.running = o.value() > 0;
                pump.timeMs = t;
                history(pumpSeries(reporter), pumpLabel(pump.drug), "mL/h").add(t, o.value());
            }
        }
        if (r.kind() == ReportKind.PUMP_EVENT && r.pumpEvent() != null) {
            onPumpEvent(reporter, r.pumpEvent());
        }
    }

    private void onPumpEvent(String deviceId, PumpEvent e) {
        PumpLine pump = pumps.computeIfAbsent(deviceId, k -> new PumpLine());
        if (e.drugLabel() != null && !e.drugLabel().isBlank()) {
            pump.drug = e.drugLabel();
        }
        if (!Double.isNaN(e.rateMlPerHour())) {
            pump.rate = e.rateMlPerHour();
        }
        if (e.isDeliveryStart()) {
            pump.running = true;
        } else if (e.eventCode() == PumpEvent.MDC_EVT_PUMP_DELIV_COMP
                || String.valueOf(e.eventRefId()).contains("DELIV_COMP")
                || String.valueOf(e.eventRefId()).contains("DELIV_STOP")) {
            pump.running = false;
        }
        pump.timeMs = e.timeMs();
        history(pumpSeries(deviceId), pumpLabel(pump.drug), "mL/h")
                .add(e.timeMs(), pump.running && !Double.isNaN(pump.rate) ? pump.rate : 0);
    }

    void onEntry(ClinicianEntry e) {
        entries.addFirst(e);
        while (entries.size() > RECENT_ENTRIES) {
            entries.removeLast();
        }
    }

    void onInfusion(InfusionNotice n) {
        if (n.patient() != null && !n.patient().isBlank()) {
            patient = n.patient();
        }
        boolean current = n.infusionId().equals(infusionId);
        if (!current) {
            if (infusionId != null && n.onsetMs() < onsetMs) {
                return;
            }
            infusionId = n.infusionId();
            onsetMs = n.onsetMs();
            infusing = false;
            windowClosed = false;
        }
        switch (n.kind()) {
            case OPENED, RESUMED -> infusing = true;
            case COMPLETED -> infusing = false;
            case WINDOW_CLOSED -> windowClosed = true;
            default -> { }
        }
    }

    private void keep(KeySignal s, double value, long timeMs, String deviceId, int rank) {
        Latest[] byRank = latest.computeIfAbsent(s, k -> new Latest[4]);
        if (rank < byRank.length && (byRank[rank] == null || timeMs >= byRank[rank].timeMs)) {
            byRank[rank] = new Latest(value, timeMs, deviceId);
        }
        history(s.name(), s.label(), s.unit()).add(timeMs, value);
    }

    private SampleSeries history(String key, String label, String unit) {
        seriesLabels.put(key, new String[] {label, unit});
        return history.computeIfAbsent(key, k -> new SampleSeries(layout.historyMs()));
    }

    private static String pumpSeries(String deviceId) {
        return "PUMP:" + deviceId;
    }

    /** The pump's drug as shown: the blinded study label is never shown, only "study product". */
    private String pumpLabel(String drug) {
        if (drug == null || drug.isBlank()) {
            return "pump";
        }
        return layout.studyProduct().matches(drug) ? "study product" : drug;
    }

    WardSnapshot.Bed snapshot(long nowMs, int openAlerts, String highestPriority) {
        List<WardSnapshot.Value> values = new ArrayList<>();
        for (KeySignal s : KeySignal.values()) {
            Latest v = preferred(s);
            values.add(v == null
                    ? new WardSnapshot.Value(s.name(), s.label(), null, s.unit(), 0, 0, null)
                    : new WardSnapshot.Value(s.name(), s.label(), s.display(v.value), s.unit(), v.timeMs,
                            age(nowMs, v.timeMs), v.deviceId));
        }
        List<WardSnapshot.Pump> pumpLines = new ArrayList<>();
        pumps.forEach((id, p) -> pumpLines.add(new WardSnapshot.Pump(id, pumpLabel(p.drug),
                layout.studyProduct().matches(p.drug), Double.isNaN(p.rate) ? null : KeySignal.plain(p.rate)
                + " mL/h", p.running, p.timeMs, age(nowMs, p.timeMs))));
        List<WardSnapshot.Device> deviceLines = new ArrayList<>();
        devices.forEach((id, d) -> deviceLines.add(new WardSnapshot.Device(id, d.kind, deviceState(d, nowMs),
                d.lastSeenMs, age(nowMs, d.lastSeenMs))));
        List<WardSnapshot.Entry> recent = new ArrayList<>();
        for (ClinicianEntry e : entries) {
            recent.add(new WardSnapshot.Entry(e.type().name(), EntryWords.label(e.type().name()), e.by(), e.note(), e.timeMs(),
                    age(nowMs, e.timeMs())));
        }
        return new WardSnapshot.Bed(bed.key(), bed.unit(), bed.bed(), patient, infusion(nowMs), values, pumpLines,
                deviceLines, recent, openAlerts, highestPriority);
    }

    WardSnapshot.Infusion infusion(long nowMs) {
        if (infusionId == null) {
            return WardSnapshot.Infusion.NONE;
        }
        long elapsed = Math.max(0, nowMs - onsetMs);
        String state;
        if (elapsed >= layout.longWindowMs()) {
            state = "CLOSED";
        } else if (elapsed < layout.windowMs() && !windowClosed) {
            state = infusing ? "INFUSING" : "IN_WINDOW";
        } else {
            state = "LONG_WINDOW";
        }
        return new WardSnapshot.Infusion(infusionId, state, onsetMs, elapsed,
                Math.max(0, onsetMs + layout.windowMs() - nowMs), Math.max(0, onsetMs + layout.longWindowMs() - nowMs));
    }

    Timeline.Series series(String key, long fromMs, long toMs) {
        SampleSeries s = history.get(key);
        if (s == null) {
            return null;
        }
        SampleSeries.Range r = s.range(fromMs, toMs);
        if (r.times().length == 0) {
            return null;
        }
        String[] label = seriesLabels.get(key);
        String signal = key.startsWith("PUMP:") ? "PUMP" : key;
        return new Timeline.Series(signal, label[0], label[1], r.times(), r.values());
    }

    Iterable<String> seriesKeys() {
        return history.keySet();
    }

    private Latest preferred(KeySignal s) {
        Latest[] byRank = latest.get(s);
        if (byRank == null) {
            return null;
        }
        long newest = Long.MIN_VALUE;
        for (Latest l : byRank) {
            if (l != null) {
                newest = Math.max(newest, l.timeMs);
            }
        }
        // The preferred source wins unless it has fallen silent while another still reports.
        for (Latest l : byRank) {
            if (l != null && newest - l.timeMs <= ONLINE_MS) {
                return l;
            }
        }
        return null;
    }

    private static String deviceState(DeviceLine d, long nowMs) {
        if (d.kind.equals("pump")) {
            return "EVENTS";
        }
        long age = nowMs - d.lastSeenMs;
        if (age <= ONLINE_MS) {
            return "ONLINE";
        }
        return age <= LATE_MS ? "LATE" : "SILENT";
    }

    private static String kindOf(DeviceReport r) {
        if (r.kind() == ReportKind.PUMP_EVENT) {
            return "pump";
        }
        for (Observation o : r.observations()) {
            switch (o.mdcCode()) {
                case 151720, 151804, 151586, 184352 -> {
                    return "ventilator";
                }
                case 150456, 147842, 149530, 150039, 150035, 150023 -> {
                    return "monitor";
                }
                case FLOW_FLUID_PUMP -> {
                    return "pump";
                }
                default -> { }
            }
        }
        return null;
    }

    private static long age(long nowMs, long timeMs) {
        return Math.max(0, nowMs - timeMs);
    }
}
