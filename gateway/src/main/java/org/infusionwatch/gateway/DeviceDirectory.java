package org.infusionwatch.gateway;

import java.util.Map;
import org.infusionwatch.agent.model.BedRef;

/**
 * The configured device-to-bed table, used when a message names no bed (no PV1, as many pumps
 * send). Immutable; shared by all connections.
 */
public final class DeviceDirectory {
    private final Map<String, BedRef> beds;

    public DeviceDirectory(Map<String, BedRef> beds) {
        this.beds = Map.copyOf(beds);
    }

    /** The bed of {@code deviceId}, or null when the device is not in the table. */
    public BedRef bedOf(String deviceId) {
        return deviceId == null ? null : beds.get(deviceId);
    }
}
