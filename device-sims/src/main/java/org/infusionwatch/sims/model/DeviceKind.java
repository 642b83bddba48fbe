package org.infusionwatch.sims.model;

/**
 * The kinds of simulated device, with what identifies each on the wire.
 */
public enum DeviceKind {
    VENTILATOR("VENT", "IWSIM_VENT", 1, Mdc.VENT_MDS),
    MONITOR("MON", "IWSIM_MON", 2, Mdc.MONITOR_MDS),
    PUMP("PUMP", "IWSIM_PUMP", 3, Mdc.PUMP_LVP_MDS);

    private final String idPrefix;
    private final String application;
    private final int number;
    private final MdcTerm mds;

    DeviceKind(String idPrefix, String application, int number, MdcTerm mds) {
        this.idPrefix = idPrefix;
        this.application = application;
        this.number = number;
        this.mds = mds;
    }

    /** The device id of this kind of device at {@code bed}, e.g. {@code VENT-BED01}. */
    public String deviceId(String bed) {
        return idPrefix + "-" + bed;
    }

    /** The sending application name (MSH-3 component 1), e.g. {@code IWSIM_VENT}. */
    public String application() {
        return application;
    }

    /** A small number unique per kind; the last byte of the device's EUI-64. */
    public int number() {
        return number;
    }

    /** The MDS (medical device system) term that heads this device's reports. */
    public MdcTerm mds() {
        return mds;
    }
}
