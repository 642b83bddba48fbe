package org.infusionwatch.agent.pipeline;

/** What a ring slot carries. */
public enum InputKind {
    /** A decoded device message (HL7 or MQTT JSON). */
    DEVICE_REPORT,
    /** A clinician's entry. */
    CLINICIAN_ENTRY,
    /** What a person did about an alert (acknowledge, annotate, resolve). */
    ALERT_ACTION,
    /** The passage of time, so that holds complete and windows close without device traffic. */
    TICK,
    /** Input that could not be used; journaled for inspection, ignored by the engine. */
    REJECTED
}
