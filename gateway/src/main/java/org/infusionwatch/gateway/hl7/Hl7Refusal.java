package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.ErrorCode;

/**
 * Why a message is refused, raised while reading it. Carries no message content: reasons name
 * fields, never their values (values may identify a patient). No stack trace: this is an outcome,
 * not a fault.
 */
final class Hl7Refusal extends Exception {

    private final AckCode ackCode;
    private final ErrorCode errorCode;
    private final String errorLocation;

    Hl7Refusal(AckCode ackCode, ErrorCode errorCode, String reason, String errorLocation) {
        super(reason, null, false, false);
        this.ackCode = ackCode;
        this.errorCode = errorCode;
        this.errorLocation = errorLocation;
    }

    static Hl7Refusal error(ErrorCode errorCode, String reason, String errorLocation) {
        return new Hl7Refusal(AckCode.AE, errorCode, reason, errorLocation);
    }

    static Hl7Refusal reject(ErrorCode errorCode, String reason) {
        return new Hl7Refusal(AckCode.AR, errorCode, reason, null);
    }

    AckCode ackCode() {
        return ackCode;
    }

    ErrorCode errorCode() {
        return errorCode;
    }

    String reason() {
        return getMessage();
    }

    String errorLocation() {
        return errorLocation;
    }
}
