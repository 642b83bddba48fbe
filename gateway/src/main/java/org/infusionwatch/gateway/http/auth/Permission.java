package org.infusionwatch.gateway.http.auth;

/** What a signed-in person may do through the HTTP API; each role holds a set of these. */
public enum Permission {
    /** See the nurse station: beds, values, alerts (read only). */
    VIEW_WARD,
    /** Acknowledge an alert. */
    ACKNOWLEDGE_ALERT,
    /** Record a bedside entry: cardioversion, transfusion-reaction signs, arrest, death, manual infusion start/stop. */
    RECORD_ENTRY,
    /** Add a note to an alert. */
    ANNOTATE_ALERT,
    /** Read the event log, its charts and CSV export, and the chain check. */
    REVIEW_EVENTS,
    /** Read the protocol profile in force. */
    VIEW_PROTOCOL,
    /** Store a new protocol file for the next start. */
    CHANGE_PROTOCOL,
    /** Read the audit trail of who did what. */
    VIEW_AUDIT
}
