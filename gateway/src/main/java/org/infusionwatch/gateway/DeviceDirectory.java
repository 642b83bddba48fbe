package org.infusionwatch.gateway;

import java.util.Map;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;

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

    /**
     * The report as the engine should see it: at the bed it names, else at the device's bed from
     * the table; null when neither names a bed.
     */
    public DeviceReport placed(DeviceReport report) {
        if (report.bed() != null) {
            return report;
        }
        BedRef bed = bedOf(report.deviceId());
        return bed == null ? null : report.withBed(bed);
    }
}
