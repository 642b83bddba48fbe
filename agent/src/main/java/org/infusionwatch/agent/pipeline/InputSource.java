package org.infusionwatch.agent.pipeline;

/**
 * Where an input came from: its wire format and an origin such as the MQTT topic or the MLLP
 * peer address. Never contains patient data.
 */
public record InputSource(Format format, String origin) {

    /** Wire format of the raw payload, so that a replay knows how to read it again. */
    public enum Format {
        HL7_MLLP,
        MQTT_JSON,
        ENTRY_JSON,
        ACTION_JSON,
        TICK
    }

    public static final InputSource TICKER = new InputSource(Format.TICK, "ticker");
}
