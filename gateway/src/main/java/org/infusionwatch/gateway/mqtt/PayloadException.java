package org.infusionwatch.gateway.mqtt;

/** An MQTT payload or topic that cannot be used; the message says why, without quoting patient data. */
public final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public PayloadException(String reason) {
        super(reason);
    }
}
