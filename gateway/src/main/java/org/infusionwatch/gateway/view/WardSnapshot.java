package org.infusionwatch.gateway.view;

import java.util.List;

/**
 * What the nurse station shows at one moment of the agent clock: every bed and the alerts that
 * need someone. Immutable; built on the ward view's thread and then read by any thread (HTTP
 * answers, the event stream). Serialised as JSON as it is (docs/http-api.md). Times are epoch
 * milliseconds of the agent clock; ages are measured against {@code agentTimeMs}.
 *
 * @param agentTimeMs  the agent clock's latest tick
 * @param protocol     the protocol profile's name
 * @param windowMs     the respiratory and cardiovascular window after each onset (6 h)
 * @param longWindowMs the cardiac arrest and death window (24 h)
 * @param beds         every bed, in bed order
 * @param alerts       alerts that need someone, most urgent first
 * @param alertManager the link to the hospital's alert manager, or null when the gateway sends it nothing
 */
public record WardSnapshot(long agentTimeMs, String protocol, long windowMs, long longWindowMs, List<Bed> beds,
                           List<AlertItem> alerts, AlertManagerLink alertManager) {

    /**
     * Whether alerts are getting through to the hospital's alert manager (and so to the pagers and
     * ward phones it feeds).
     *
     * @param address          {@code host:port}
     * @param reachable        false while messages fail or it takes no connection
     * @param unreachableForMs for how long, wall clock; 0 when reachable
     * @param waiting          alert messages queued for it
     */
    public record AlertManagerLink(String address, boolean reachable, long unreachableForMs, int waiting) {
    }

    /** One bed tile. {@code highestPriority} is that of its unacknowledged alerts, or null. */
    public record Bed(String key, String unit, String bed, String patient, Infusion infusion, List<Value> values,
                      List<Pump> pumps, List<Device> devices, List<Entry> recentEntries, int openAlerts,
                      String highestPriority) {
    }

    /**
     * The bed's current study infusion.
     *
     * @param state {@code NONE}, {@code INFUSING}, {@code IN_WINDOW} (delivery over, inside 6 h),
     *              {@code LONG_WINDOW} (6 h over, inside 24 h), {@code CLOSED}
     */
    public record Infusion(String infusionId, String state, long onsetMs, long elapsedMs, long windowLeftMs,
                           long longWindowLeftMs) {
        static final Infusion NONE = new Infusion(null, "NONE", 0, 0, 0, 0);
    }

    /** A key value; {@code display} is null when the bed never sent it. */
    public record Value(String signal, String label, String display, String unit, long timeMs, long ageMs,
                        String deviceId) {
    }

    /**
     * An infusion pump: drug label (the blinded study product shows as "study product"), rate and,
     * for a drug of the protocol's vasopressor table, the dose.
     *
     * @param vasopressor the drug's name in the protocol's vasopressor table, or null when it is none
     * @param dose        for a vasopressor: {@code 12 ug/min}, {@code 0.11 ug/kg/min} (per kilogram
     *                    when the protocol's threshold is), the rate when no dose can be worked out,
     *                    {@code bolus 300 mL/h}, or {@code stopped}; null for other pumps
     */
    public record Pump(String deviceId, String drug, boolean studyProduct, String vasopressor, String dose, String rate,
                       boolean running, long timeMs, long ageMs) {
    }

    /**
     * A device at the bed and how recently it spoke.
     *
     * @param state {@code ONLINE} (a report within 3 min), {@code LATE} (3-10 min), {@code SILENT}
     *              (longer), {@code EVENTS} (a pump that reports only events, so silence says nothing)
     */
    public record Device(String deviceId, String kind, String state, long lastSeenMs, long ageMs) {
    }

    /** A clinician's entry at the bed, latest first. */
    public record Entry(String type, String label, String by, String note, long timeMs, long ageMs) {
    }

    /** A note added to an alert. */
    public record Note(String by, String note, long timeMs) {
    }

    /**
     * An alert as the nurse station shows it.
     *
     * @param state        the latest of {@code RAISED}, {@code ESCALATED}, {@code ACKNOWLEDGED}, {@code RESOLVED}
     * @param eventName    the event in words
     * @param explanation  the evidence in words
     */
    public record AlertItem(String alertId, String bedKey, String unit, String bed, String patient, String infusionId,
                            String event, String eventName, boolean protocolEvent, String priority, String state,
                            boolean acknowledged, boolean escalated, boolean resolved, long onsetMs, long raisedMs,
                            long ageMs, String explanation, String acknowledgedBy, String acknowledgedNote,
                            long acknowledgedMs, long escalatedMs, List<Note> notes) {
    }
}
