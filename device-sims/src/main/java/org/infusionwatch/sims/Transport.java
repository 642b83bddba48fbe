package org.infusionwatch.sims;

import org.infusionwatch.sims.model.DeviceKind;

/**
 * Which wire a simulated device speaks.
 */
public enum Transport {
    /** HL7 v2 over MLLP (PCD-01, PCD-10). */
    MLLP,
    /** JSON over MQTT. */
    MQTT;

    /** The bed index (0-based) that sends everything over MQTT when MQTT is on. */
    static final int ALL_MQTT_BED_INDEX = 3;

    /**
     * The transport of a device. Without MQTT everything goes over MLLP; without MLLP everything
     * over MQTT. With both, the monitor uses MQTT and the ventilator and pump MLLP, except on the
     * fourth bed, which sends everything over MQTT so both paths carry every kind of report.
     */
    public static Transport route(int bedIndex, DeviceKind kind, boolean mllp, boolean mqtt) {
        if (!mqtt) {
            return MLLP;
        }
        if (!mllp || bedIndex == ALL_MQTT_BED_INDEX || kind == DeviceKind.MONITOR) {
            return MQTT;
        }
        return MLLP;
    }
}
