package org.infusionwatch.agent.engine;

import java.util.List;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.protocol.AlarmCodeTable;
import org.infusionwatch.agent.protocol.AlarmMeaning;
import org.infusionwatch.agent.protocol.Labels;

/**
 * Reads the alarms of an IHE PCD-04 report (ORU^R40, or the same observations over MQTT) into a
 * bed's {@link AlarmStates}. An alarm is an event observation followed by its attributes:
 * <ul>
 *   <li>the event: OBX-3 {@code 196616^MDC_EVT_ALARM} with the event code in OBX-5
 *       ({@code 199832^MDC_EVT_ECG_V_TACHY^MDC}, as IHE TF and B. Braun send it), or the event
 *       code itself in OBX-3 (Mindray {@code 196670^MDC_EVT_LO}, Draeger
 *       {@code 196916^MDC_EVT_SENSOR_DISCONN});</li>
 *   <li>its attributes until the next event: MDC_ATTR_EVENT_PHASE (start, continue, update,
 *       escalate, end), MDC_ATTR_ALARM_STATE (active, inactive), MDC_ATTR_ALERT_SOURCE, in either
 *       numbering (68480.. as IHE TF Rev 9, 68164.. as the 2016 hRTM and GE).</li>
 * </ul>
 * The code is looked up in the profile's alarm table (standard and vendor-private codes); alarms
 * the table does not list are ignored. Reading allocates nothing.
 *
 * <p>Owned by the engine thread; holds the state of the report being read.
 */
final class AlarmReader {
    private final AlarmCodeTable table;
    private boolean pending;
    private AlarmMeaning meaning;
    private String codeText;
    private long timeMs;
    private boolean ended;
    private String source;

    AlarmReader(AlarmCodeTable table) {
        this.table = table;
    }

    void read(BedState bed, List<Observation> observations) {
        pending = false;
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            if (isPhase(o)) {
                ended |= "end".equalsIgnoreCase(o.text().trim());
            } else if (isState(o)) {
                ended |= "inactive".equalsIgnoreCase(o.text().trim());
            } else if (isSource(o)) {
                source = o.text();
            } else if (isAlarmEvent(o)) {
                flush(bed);
                pending = true;
                meaning = meaningOf(o);
                codeText = o.mdcCode() == Signals.EVT_ALARM ? o.text() : o.mdcCode() + "^" + o.refId();
                timeMs = o.timeMs();
                ended = false;
                source = null;
            }
        }
        flush(bed);
    }

    private void flush(BedState bed) {
        if (!pending || meaning == null) {
            pending = false;
            return;
        }
        pending = false;
        AlarmMeaning m = meaning;
        if (m == AlarmMeaning.SENSOR_DISCONNECTED) {
            m = sensorOf(source);
            if (m == null) {
                return;
            }
        }
        bed.alarms.record(m, timeMs, !ended, codeText);
    }

    /** A disconnected sensor is a probe off or a lead off depending on what it measured. */
    private static AlarmMeaning sensorOf(String source) {
        if (Labels.contains(source, "150456") || Labels.contains(source, "PULS_OXIM")) {
            return AlarmMeaning.SPO2_PROBE_OFF;
        }
        if (Labels.contains(source, "147842") || Labels.contains(source, "ECG")) {
            return AlarmMeaning.ECG_LEAD_OFF;
        }
        return null;
    }

    private AlarmMeaning meaningOf(Observation o) {
        if (o.mdcCode() != Signals.EVT_ALARM) {
            AlarmMeaning m = table.byCode(o.mdcCode());
            return m != null ? m : table.byRefId(o.refId(), 0, o.refId().length());
        }
        // OBX-5 as the gateway keeps it: "199832^MDC_EVT_ECG_V_TACHY^MDC", or "199832", or a reference id.
        String text = o.text();
        int digits = 0;
        int code = 0;
        while (digits < text.length() && digits < 9 && Character.isDigit(text.charAt(digits))) {
            code = code * 10 + (text.charAt(digits) - '0');
            digits++;
        }
        AlarmMeaning m = digits > 0 ? table.byCode(code) : null;
        if (m != null) {
            return m;
        }
        int from = text.indexOf('^') + 1;
        int to = text.indexOf('^', from);
        if (from == 0) {
            return table.byRefId(text, 0, text.length());
        }
        return table.byRefId(text, from, to < 0 ? text.length() : to);
    }

    private static boolean isAlarmEvent(Observation o) {
        if (o.mdcCode() == Signals.EVT_ALARM) {
            return !o.text().isEmpty();
        }
        if ((o.mdcCode() >>> 16) == Signals.EVENT_PARTITION) {
            return true;
        }
        return o.mdcCode() == 0 && (o.refId().startsWith("MDC_EVT_") || o.refId().startsWith("MDCX_EVT_"));
    }

    /** An alarm's phase attribute: present in every alarm of a PCD-04 report, so it marks one. */
    static boolean isPhase(Observation o) {
        return o.mdcCode() == Signals.ATTR_EVENT_PHASE || o.mdcCode() == Signals.ATTR_EVENT_PHASE_2016
                || Signals.ATTR_EVENT_PHASE_REF.equals(o.refId());
    }

    private static boolean isState(Observation o) {
        return o.mdcCode() == Signals.ATTR_ALARM_STATE || o.mdcCode() == Signals.ATTR_ALARM_STATE_2016
                || Signals.ATTR_ALARM_STATE_REF.equals(o.refId()) || Signals.ATTR_ALERT_STATE_REF.equals(o.refId());
    }

    private static boolean isSource(Observation o) {
        return o.mdcCode() == Signals.ATTR_ALERT_SOURCE || o.mdcCode() == Signals.ATTR_ALERT_SOURCE_2016
                || Signals.ATTR_ALERT_SOURCE_REF.equals(o.refId());
    }
}
