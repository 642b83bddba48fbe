package org.infusionwatch.gateway.alertmanager;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v26.message.ORU_R01;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.Priority;
import org.infusionwatch.gateway.AlertWording;

/**
 * Writes an alert, or a change of one, as an IHE PCD-04 Report Alert ({@code ORU^R40^ORU_R40},
 * HL7 v2.6) for the hospital's alert manager, built with HAPI's v2.6 {@code ORU_R01} structure,
 * which has the same segment grammar (MSH PID PV1 OBR {OBX}). The layout follows the IHE
 * examples and vendor messages in the shared samples:
 *
 * <ul>
 *   <li>PV1-3 is the bed ({@code unit^^bed}): alert managers route by location. PID carries no
 *       identifier (name type U, identity unknown Y, as B. Braun's message for an unknown patient
 *       has it), since the gateway keeps none: the trial pseudonym means nothing to the hospital
 *       and the hospital's identifiers never reach the agent.</li>
 *   <li>OBR-3 is the alert's id, the same for every message of its life, as in the IHE examples
 *       of an alert's start and end; OBR-29 names it again as the parent (filler-order part), as
 *       those examples and the Draeger reference message do. OBR-4 {@code MDC_EVT_ALARM}; OBR-7
 *       when the message was put together, as the PCD TF defines it for PCD-04.</li>
 *   <li>OBX 1: {@code MDC_EVT_ALARM} with the specific alert as its coded value ({@code CWE}):
 *       our event code in a local code system ({@value #CODE_SYSTEM}), its name, and the alert's
 *       words as the original text (CWE-9), as the TF's infusion pump example codes its occlusion;
 *       "abnormal, priority, type" also in OBX-8, as GE's advisory sample does.</li>
 *   <li>OBX 2–7: the ACM attributes source (68480), phase (68481), alarm state (68482), inactivation
 *       state (68483), priority (68484) and type (68485), codes as in the Dräger reference message,
 *       facets of one metric ({@code 1.0.0.0.n}, MDS.VMD.channel.metric.facet) as in the IHE
 *       examples.</li>
 * </ul>
 *
 * <p>Every alert is an advisory ({@code SA}): a trial-safety finding of a decision-support agent,
 * not a bedside device's alarm, which the alert manager gets from the device itself. Signal loss is
 * technical ({@code ST}). Notes on an alert are not sent: they are free text typed by staff.
 *
 * <p>Not thread-safe (HAPI's parser); used by the forwarder's thread only.
 */
final class AlertReportWriter {
    /** HL7 local code systems start with 99; this one names InfusionWatch's event codes. */
    static final String CODE_SYSTEM = "99IWEVT";
    private static final String PROFILE = "IHE_PCD_ACM_001";
    private static final String PROFILE_OID = "1.3.6.1.4.1.19376.1.6.1.4.1";
    private static final DateTimeFormatter DTM =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ").withZone(ZoneOffset.UTC);

    private final PipeParser parser = new PipeParser();
    private final String sendingApplication;
    private final String eui64;

    /**
     * @param sendingApplication MSH-3's name, the gateway's application name
     * @param eui64              the gateway's EUI-64 ({@link GatewayEui64}): MSH-3's universal id, and
     *                           that of the OBR's order numbers
     */
    AlertReportWriter(String sendingApplication, String eui64) {
        this.sendingApplication = sendingApplication;
        this.eui64 = GatewayEui64.require(eui64);
    }

    /** Whether the alert manager hears of this notice at all: raised alerts and their life-cycle changes, not notes. */
    static boolean forwards(AgentNotice notice) {
        return notice instanceof Alert a && a.state() == AlertState.RAISED
                || notice instanceof AlertChange c && c.state() != AlertState.ANNOTATED && c.state() != AlertState.RAISED;
    }

    /**
     * @param priority  the alert's priority as raised (a change does not carry it); an escalation is
     *                  sent as high whatever this says
     * @param controlId MSH-10, kept by the caller for the message's resends
     * @param nowMs     MSH-7 and OBR-7
     * @return the message, segments ended by {@code \r}, in UTF-8
     */
    byte[] write(AgentNotice notice, Priority priority, String controlId, long nowMs) {
        if (!forwards(notice)) {
            throw new IllegalArgumentException("not forwarded to the alert manager: " + notice.getClass().getSimpleName());
        }
        Phase phase = Phase.of(notice);
        try {
            ORU_R01 m = new ORU_R01();
            m.setParser(parser);
            writeMsh(m, controlId, nowMs);
            Segment pid = m.getPATIENT_RESULT().getPATIENT().getPID();
            Terser.set(pid, 5, 0, 7, 1, "U"); // name type: unspecified
            Terser.set(pid, 31, 0, 1, 1, "Y"); // identity unknown (to this message): locate by bed
            Segment pv1 = m.getPATIENT_RESULT().getPATIENT().getVISIT().getPV1();
            BedRef bed = bedOf(notice);
            Terser.set(pv1, 2, 0, 1, 1, "I");
            Terser.set(pv1, 3, 0, 1, 1, bed.unit());
            Terser.set(pv1, 3, 0, 3, 1, bed.bed());

            String alertId = alertIdOf(notice);
            EventCode event = eventOf(notice);
            String time = DTM.format(Instant.ofEpochMilli(timeOf(notice)));
            Segment obr = m.getPATIENT_RESULT().getORDER_OBSERVATION().getOBR();
            Terser.set(obr, 1, 0, 1, 1, "1");
            orderNumber(obr, 2, controlId);
            orderNumber(obr, 3, alertId);
            Terser.set(obr, 4, 0, 1, 1, "196616");
            Terser.set(obr, 4, 0, 2, 1, "MDC_EVT_ALARM");
            Terser.set(obr, 4, 0, 3, 1, "MDC");
            Terser.set(obr, 7, 0, 1, 1, DTM.format(Instant.ofEpochMilli(nowMs)));
            // The alert this message is about, in the filler-order part of OBR-29, as the IHE
            // examples and the Draeger reference message carry it on every message of an alert.
            Terser.set(obr, 29, 0, 2, 1, alertId);
            Terser.set(obr, 29, 0, 2, 2, sendingApplication);
            Terser.set(obr, 29, 0, 2, 3, eui64);
            Terser.set(obr, 29, 0, 2, 4, "EUI-64");

            String priorityCode = priorityCode(phase == Phase.ESCALATED ? Priority.HIGH : priority);
            String type = event == EventCode.SIGNAL_LOSS ? "ST" : "SA";
            obx(m, 0, "CWE", "196616", "MDC_EVT_ALARM", "MDC", "1.0.0.0.1", event.name());
            Segment first = m.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION(0).getOBX();
            Terser.set(first, 5, 0, 2, 1, AlertWording.eventName(event));
            Terser.set(first, 5, 0, 3, 1, CODE_SYSTEM);
            Terser.set(first, 5, 0, 9, 1, text(notice));
            Terser.set(first, 8, 0, 1, 1, "A");
            Terser.set(first, 8, 1, 1, 1, priorityCode);
            Terser.set(first, 8, 2, 1, 1, type);
            Terser.set(first, 14, 0, 1, 1, time);
            obx(m, 1, "ST", "68480", "MDC_ATTR_ALERT_SOURCE", "MDC", "1.0.0.0.2", sendingApplication);
            obx(m, 2, "ST", "68481", "MDC_ATTR_EVENT_PHASE", "MDC", "1.0.0.0.3", phase.phase);
            obx(m, 3, "ST", "68482", "MDC_ATTR_ALARM_STATE", "MDC", "1.0.0.0.4", phase.alarmState);
            obx(m, 4, "ST", "68483", "MDC_ATTR_ALARM_INACTIVATION_STATE", "MDC", "1.0.0.0.5", phase.inactivation);
            obx(m, 5, "ST", "68484", "MDC_ATTR_ALARM_PRIORITY", "MDC", "1.0.0.0.6", priorityCode);
            obx(m, 6, "ST", "68485", "MDC_ATTR_ALERT_TYPE", "MDC", "1.0.0.0.7", type);
            return parser.encode(m).getBytes(StandardCharsets.UTF_8);
        } catch (HL7Exception e) {
            // Only fixed structure paths are set above, so this is a programming error.
            throw new IllegalStateException("cannot build the PCD-04 message", e);
        }
    }

    private void writeMsh(ORU_R01 m, String controlId, long nowMs) throws HL7Exception {
        m.getMSH().getFieldSeparator().setValue("|");
        m.getMSH().getEncodingCharacters().setValue("^~\\&");
        Segment msh = m.getMSH();
        Terser.set(msh, 3, 0, 1, 1, sendingApplication);
        Terser.set(msh, 3, 0, 2, 1, eui64);
        Terser.set(msh, 3, 0, 3, 1, "EUI-64");
        Terser.set(msh, 7, 0, 1, 1, DTM.format(Instant.ofEpochMilli(nowMs)));
        Terser.set(msh, 9, 0, 1, 1, "ORU");
        Terser.set(msh, 9, 0, 2, 1, "R40");
        Terser.set(msh, 9, 0, 3, 1, "ORU_R40");
        Terser.set(msh, 10, 0, 1, 1, controlId);
        Terser.set(msh, 11, 0, 1, 1, "P");
        Terser.set(msh, 12, 0, 1, 1, "2.6");
        Terser.set(msh, 15, 0, 1, 1, "AL");
        Terser.set(msh, 16, 0, 1, 1, "NE");
        Terser.set(msh, 18, 0, 1, 1, "UNICODE UTF-8");
        Terser.set(msh, 21, 0, 1, 1, PROFILE);
        Terser.set(msh, 21, 0, 2, 1, "IHE PCD");
        Terser.set(msh, 21, 0, 3, 1, PROFILE_OID);
        Terser.set(msh, 21, 0, 4, 1, "ISO");
    }

    /** An entity identifier the TF's way: id, namespace, universal id (our EUI-64), its type. */
    private void orderNumber(Segment obr, int field, String id) throws HL7Exception {
        Terser.set(obr, field, 0, 1, 1, id);
        Terser.set(obr, field, 0, 2, 1, sendingApplication);
        Terser.set(obr, field, 0, 3, 1, eui64);
        Terser.set(obr, field, 0, 4, 1, "EUI-64");
    }

    private static void obx(ORU_R01 m, int rep, String valueType, String code, String name, String system,
                            String subId, String value) throws HL7Exception {
        Segment obx = m.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION(rep).getOBX();
        Terser.set(obx, 1, 0, 1, 1, Integer.toString(rep + 1));
        Terser.set(obx, 2, 0, 1, 1, valueType);
        Terser.set(obx, 3, 0, 1, 1, code);
        Terser.set(obx, 3, 0, 2, 1, name);
        Terser.set(obx, 3, 0, 3, 1, system);
        Terser.set(obx, 4, 0, 1, 1, subId);
        Terser.set(obx, 5, 0, 1, 1, value);
        Terser.set(obx, 11, 0, 1, 1, "F");
    }

    private static String text(AgentNotice notice) {
        if (notice instanceof Alert a) {
            String evidence = AlertWording.evidence(a.event(), a.evidence());
            return evidence.isEmpty() ? AlertWording.eventName(a.event())
                    : AlertWording.eventName(a.event()) + ": " + evidence;
        }
        AlertChange c = (AlertChange) notice;
        return AlertWording.eventName(c.event()) + " (" + c.state().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private static String priorityCode(Priority p) {
        return switch (p) {
            case HIGH -> "PH";
            case MEDIUM -> "PM";
            case LOW -> "PL";
        };
    }

    private static BedRef bedOf(AgentNotice n) {
        return n instanceof Alert a ? a.bed() : ((AlertChange) n).bed();
    }

    private static String alertIdOf(AgentNotice n) {
        return n instanceof Alert a ? a.alertId() : ((AlertChange) n).alertId();
    }

    private static EventCode eventOf(AgentNotice n) {
        return n instanceof Alert a ? a.event() : ((AlertChange) n).event();
    }

    private static long timeOf(AgentNotice n) {
        return n instanceof Alert a ? a.raisedMs() : ((AlertChange) n).timeMs();
    }

    /**
     * An alert's state in the ACM attributes: phase, alarm state, inactivation state. Raised: start,
     * active, enabled. Acknowledged: update, active, alert-acknowledged (a person has it; the event
     * itself is not over). Escalated (nobody acknowledged in time): escalate, active, enabled, at
     * high priority. Resolved: end, inactive, enabled.
     */
    private enum Phase {
        START("start", "active", "enabled"),
        ACKNOWLEDGED("update", "active", "alert-acknowledged"),
        ESCALATED("escalate", "active", "enabled"),
        END("end", "inactive", "enabled");

        final String phase;
        final String alarmState;
        final String inactivation;

        Phase(String phase, String alarmState, String inactivation) {
            this.phase = phase;
            this.alarmState = alarmState;
            this.inactivation = inactivation;
        }

        static Phase of(AgentNotice n) {
            if (n instanceof Alert) {
                return START;
            }
            return switch (((AlertChange) n).state()) {
                case ACKNOWLEDGED -> ACKNOWLEDGED;
                case ESCALATED -> ESCALATED;
                case RESOLVED -> END;
                default -> throw new IllegalArgumentException("not forwarded: " + ((AlertChange) n).state());
            };
        }
    }
}
