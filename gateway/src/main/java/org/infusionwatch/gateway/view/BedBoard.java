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
    private static final int DRUG_NAME_LABEL = 184514;
    private static final int CONC_DRUG = 157760;
    private static final int PT_WEIGHT = 68063;
    private static final int PUMP_INFUSING_STATUS = 184519;
    private static final int PUMP_DELIVERY_MODE = 158008;
    private static final int RECENT_ENTRIES = 5;

    final BedRef bed;
    String patient;
    private final WardLayout layout;
    private final VasopressorDoses vasopressors;
    private final Map<KeySignal, Latest[]> latest = new EnumMap<>(KeySignal.class);
    private final Map<String, PumpLine> pumps = new TreeMap<>();
    private final Map<String, DeviceLine> devices = new TreeMap<>();
    private final Deque<ClinicianEntry> entries = new ArrayDeque<>();
    private final TrendStore trends;
    private final Map<String, TrendLine> history = new LinkedHashMap<>();
    private final Map<String, String[]> seriesLabels = new LinkedHashMap<>();
    private String infusionId;
    private long onsetMs;
    private boolean infusing;
    private boolean windowClosed;

    /**
     * The latest value of a signal from one source, updated in place: a report changes numbers
     * only, and the device id only when another device takes the slot. A new object per report,
     * stored into the bed's old arrays, gave the garbage collector a card to scan at every pause
     * for every signal of every bed.
     */
    private static final class Latest {
        double value;
        long timeMs;
        String deviceId;

        Latest(double value, long timeMs, String deviceId) {
            this.value = value;
            this.timeMs = timeMs;
            this.deviceId = deviceId;
        }

        void update(double newValue, long newTimeMs, String newDeviceId) {
            value = newValue;
            timeMs = newTimeMs;
            if (!newDeviceId.equals(deviceId)) {
                deviceId = newDeviceId;
            }
        }
    }

    private static final class PumpLine {
        String drug = "";
        double rate = Double.NaN;
        double concentrationUgPerMl = Double.NaN;
        double weightKg = Double.NaN;
        /** The pump said it is not infusing (paused, stopped, standby). */
        boolean halted;
        /** A bolus, priming or purge: a rate, not a dose. */
        String notADose;
        boolean running;
        long timeMs;
    }

    private static final class DeviceLine {
        String kind = "device";
        long lastSeenMs = Long.MIN_VALUE;
    }

    BedBoard(BedRef bed, String patient, WardLayout layout, TrendStore trends) {
        this.bed = bed;
        this.patient = patient;
        this.layout = layout;
        this.trends = trends;
        this.vasopressors = new VasopressorDoses(layout.vasopressors());
    }

    void onReport(DeviceReport r) {
        String reporter = r.deviceId() == null || r.deviceId().isBlank() ? "unknown device" : r.deviceId();
        DeviceLine device = devices.computeIfAbsent(reporter, k -> new DeviceLine());
        device.lastSeenMs = Math.max(device.lastSeenMs, r.timeMs());
        String kind = kindOf(r);
        if (kind != null && !kind.equals(device.kind)) {
            device.kind = kind; // written only on change: see Latest
        }
        for (Observation o : r.observations()) {
            long t = o.timeMs() != 0 ? o.timeMs() : r.timeMs();
            KeySignal s = KeySignal.of(o);
            if (s != null) {
                keep(s, s.normalise(o), t, o.deviceId() == null || o.deviceId().isBlank() ? reporter : o.deviceId(),
                        s.rank(o.mdcCode()));
            } else if (r.kind() == ReportKind.OBSERVATIONS) {
                // A station report carries several pumps, each named in its own OBX-18.
                pumpObservation(o.deviceId() == null || o.deviceId().isBlank() ? reporter : o.deviceId(), o, t);
            }
        }
        if (r.kind() == ReportKind.PUMP_EVENT && r.pumpEvent() != null) {
            onPumpEvent(reporter, r.pumpEvent());
        }
    }

    /** A pump's programme and state from a PCD-01 report: label, rate, concentration, weight, status, mode. */
    private void pumpObservation(String pumpId, Observation o, long t) {
        int code = codeOf(o);
        if (code == FLOW_FLUID_PUMP && o.isNumeric()) {
            PumpLine pump = pumps.computeIfAbsent(pumpId, k -> new PumpLine());
            pump.rate = o.value();
            pump.running = !pump.halted && o.value() > 0;
            pump.timeMs = t;
            history(pumpSeries(pumpId), pumpLabel(pump.drug), "mL/h").add(t, o.value());
            return;
        }
        PumpLine pump = switch (code) {
            case DRUG_NAME_LABEL, CONC_DRUG, PT_WEIGHT, PUMP_INFUSING_STATUS, PUMP_DELIVERY_MODE ->
                    pumps.computeIfAbsent(pumpId, k -> new PumpLine());
            default -> null;
        };
        if (pump == null) {
            return;
        }
        pump.timeMs = Math.max(pump.timeMs, t);
        String text = o.text() == null ? "" : o.text().toLowerCase(java.util.Locale.ROOT);
        switch (code) {
            case DRUG_NAME_LABEL -> {
                if (!text.isBlank() && !o.text().equals(pump.drug)) {
                    pump.drug = o.text();
                }
            }
            case CONC_DRUG -> pump.concentrationUgPerMl = o.isNumeric()
                    ? VasopressorDoses.ugPerMl(o.value(), o.unitCode(), o.unit()) : Double.NaN;
            case PT_WEIGHT -> pump.weightKg = o.isNumeric() && o.value() > 0 ? o.value() : Double.NaN;
            case PUMP_INFUSING_STATUS -> {
                pump.halted = text.contains("not-") || text.contains("paus") || text.contains("stop")
                        || text.contains("standby") || text.contains("idle");
                pump.running = !pump.halted && !(pump.rate <= 0);
            }
            default -> {
                String notADose = text.contains("bolus") ? "bolus" : text.contains("prim") ? "priming"
                        : text.contains("purge") || text.contains("flush") ? "purge" : null;
                if (!java.util.Objects.equals(notADose, pump.notADose)) {
                    pump.notADose = notADose;
                }
            }
        }
    }

    /** The observation's MDC code, read from its reference id when a device sent code 0. */
    private static int codeOf(Observation o) {
        if (o.mdcCode() != 0 || o.refId() == null) {
            return o.mdcCode();
        }
        return switch (o.refId()) {
            case "MDC_FLOW_FLUID_PUMP" -> FLOW_FLUID_PUMP;
            case "MDC_DRUG_NAME_LABEL" -> DRUG_NAME_LABEL;
            case "MDC_CONC_DRUG" -> CONC_DRUG;
            case "MDC_ATTR_PT_WEIGHT" -> PT_WEIGHT;
            case "MDC_PUMP_INFUSING_STATUS" -> PUMP_INFUSING_STATUS;
            case "MDC_DEV_PUMP_PROGRAM_DELIVERY_MODE" -> PUMP_DELIVERY_MODE;
            default -> 0;
        };
    }

    private void onPumpEvent(String deviceId, PumpEvent e) {
        PumpLine pump = pumps.computeIfAbsent(deviceId, k -> new PumpLine());
        if (e.drugLabel() != null && !e.drugLabel().isBlank()) {
            pump.drug = e.drugLabel();
        }
        if (!Double.isNaN(e.rateMlPerHour())) {
            pump.rate = e.rateMlPerHour();
        }
        if (!Double.isNaN(e.concentration())) {
            pump.concentrationUgPerMl = VasopressorDoses.ugPerMl(e.concentration(), 0, e.concentrationUnit());
        }
        if (!Double.isNaN(e.weightKg())) {
            pump.weightKg = e.weightKg() > 0 ? e.weightKg() : Double.NaN;
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
        if (rank < byRank.length) {
            Latest l = byRank[rank];
            if (l == null) {
                byRank[rank] = new Latest(value, timeMs, deviceId);
            } else if (timeMs >= l.timeMs) {
                l.update(value, timeMs, deviceId);
            }
        }
        history(s.name(), s.label(), s.unit()).add(timeMs, value);
    }

    private TrendLine history(String key, String label, String unit) {
        String[] shown = seriesLabels.get(key);
        if (shown == null || !shown[0].equals(label) || !shown[1].equals(unit)) {
            seriesLabels.put(key, new String[] {label, unit});
        }
        TrendLine line = history.get(key);
        if (line == null) {
            line = new TrendLine(trends, bed.key(), key);
            history.put(key, line);
        }
        return line;
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
        pumps.forEach((id, p) -> pumpLines.add(pumpLine(id, p, nowMs)));
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

    private WardSnapshot.Pump pumpLine(String id, PumpLine p, long nowMs) {
        boolean study = layout.studyProduct().matches(p.drug);
        String rate = Double.isNaN(p.rate) ? null : KeySignal.plain(p.rate) + " mL/h";
        // The study product is never looked up as a vasopressor: its label must not leave the masking.
        VasopressorDoses.Dose dose = study ? null
                : vasopressors.dose(p.drug, p.concentrationUgPerMl, p.rate, p.weightKg);
        String doseText = dose == null ? null : !p.running ? "stopped" : p.notADose != null
                ? p.notADose + " " + rate : dose.display();
        return new WardSnapshot.Pump(id, pumpLabel(p.drug), study, dose == null ? null : dose.drug(), doseText, rate,
                p.running, p.timeMs, age(nowMs, p.timeMs));
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
        TrendLine line = history.get(key);
        if (line == null) {
            return null;
        }
        TrendStore.Points r = line.range(fromMs, toMs);
        if (r.size() == 0) {
            return null;
        }
        String[] label = seriesLabels.get(key);
        String signal = key.startsWith("PUMP:") ? "PUMP" : key;
        return new Timeline.Series(signal, label[0], label[1], r.times(), r.values());
    }

    /** Puts every line's minute in progress in the trend store (the view is closing). */
    void stageTrends() {
        for (TrendLine line : history.values()) {
            line.stageCurrent();
        }
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
