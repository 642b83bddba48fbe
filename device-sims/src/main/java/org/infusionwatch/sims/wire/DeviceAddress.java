package org.infusionwatch.sims.wire;

import java.util.Objects;

import org.infusionwatch.sims.model.DeviceKind;

/**
 * Where a device sits and how it identifies itself on the wire.
 *
 * @param unit     point of care, e.g. {@code ICU-A}
 * @param bed      e.g. {@code BED01}
 * @param deviceId e.g. {@code VENT-BED01}
 * @param kind     the kind of device
 * @param eui64    16 hex digits, e.g. {@code 0012ABCD00000101}
 */
public record DeviceAddress(String unit, String bed, String deviceId, DeviceKind kind, String eui64) {

    private static final String EUI_PREFIX = "0012ABCD";

    public DeviceAddress {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(bed, "bed");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        if (!isEui64(eui64)) {
            throw new IllegalArgumentException("eui64: " + eui64 + " (expected: 16 upper-case hex digits)");
        }
    }

    /**
     * The address of the {@code kind} device at the {@code bedNumber}-th bed (1-based): its id is
     * {@code VENT-BED01} etc., its EUI-64 {@code 0012ABCD} + bed number (6 hex digits) + kind number
     * (2 hex digits), so each device of the unit has its own.
     */
    public static DeviceAddress of(String unit, String bed, int bedNumber, DeviceKind kind) {
        if (bedNumber < 1 || bedNumber > 0xFFFFFF) {
            throw new IllegalArgumentException("bedNumber: " + bedNumber + " (expected: 1..16777215)");
        }
        String eui = EUI_PREFIX + hex(bedNumber, 6) + hex(kind.number(), 2);
        return new DeviceAddress(unit, bed, kind.deviceId(bed), kind, eui);
    }

    private static boolean isEui64(String s) {
        if (s == null || s.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} in upper-case hex, zero-padded to {@code width} digits. */
    private static String hex(int value, int width) {
        String digits = Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** The fake patient id the simulators send in PID-3; never a real patient's. */
    public String patientId() {
        return "SIM-" + bed;
    }
}
