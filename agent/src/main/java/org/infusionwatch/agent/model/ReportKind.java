package org.infusionwatch.agent.model;

/** What a device message reports. */
public enum ReportKind {
    /** Periodic or episodic observations (IHE PCD-01 ORU^R01). */
    OBSERVATIONS,
    /** An infusion pump event (IHE PCD-10 ORU^R42). */
    PUMP_EVENT,
    /** An alarm from a device (IHE PCD-04 ORU^R40). */
    ALARM
}
