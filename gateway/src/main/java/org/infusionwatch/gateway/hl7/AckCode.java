package org.infusionwatch.gateway.hl7;

/** HL7 original-mode acknowledgment codes (MSA-1). */
public enum AckCode {
    /** Accepted. */
    AA,
    /** Application error: the message is HL7 but cannot be used; it is journaled for inspection. */
    AE,
    /** Rejected: not HL7, unsupported message type or oversize frame. */
    AR
}
