package org.infusionwatch.sims.load;

/**
 * One load run. Each bed plays the hypoxemia scenario on its own event clock, which runs
 * {@code eventMinutesPerSecond} event minutes per wall second; each device reports once per
 * wall second; the beds' starts spread over {@code staggerSeconds}, so alerts spread over the run,
 * each bed at a phase of the second of its own ({@link BedPhases}).
 *
 * @param mllpHost              gateway MLLP host, null for no MLLP beds
 * @param mllpPort              gateway MLLP port
 * @param connections           MLLP connections the MLLP beds' devices share (as a central station would)
 * @param mqttUri               broker for the MQTT beds and for watching alerts and metrics
 * @param mllpBeds              beds whose devices send HL7 over MLLP
 * @param mqttBeds              beds whose devices publish JSON over MQTT
 * @param durationSeconds       how long to send
 * @param eventMinutesPerSecond event time per wall second (and per report)
 * @param staggerSeconds        spread of the beds' starts
 * @param idleSeconds           seconds of no traffic, before the load, to measure the gateway idle
 * @param gatewayName           the gateway's application name (its metrics topic)
 */
public record LoadSettings(
        String mllpHost,
        int mllpPort,
        int connections,
        String mqttUri,
        int mllpBeds,
        int mqttBeds,
        int durationSeconds,
        int eventMinutesPerSecond,
        int staggerSeconds,
        int idleSeconds,
        String gatewayName) {

    public static final String UNIT = "LOAD";

    public LoadSettings {
        if (mqttUri == null) {
            throw new IllegalArgumentException("--mqtt is needed: alerts and gateway metrics are watched there");
        }
        if (mllpBeds > 0 && mllpHost == null) {
            throw new IllegalArgumentException("--mllp is needed for MLLP beds");
        }
        if (connections < 1 || durationSeconds < 1 || eventMinutesPerSecond < 1 || staggerSeconds < 0) {
            throw new IllegalArgumentException("connections, duration and event minutes per second must be positive");
        }
    }

    public long reportPeriodMs() {
        return eventMinutesPerSecond * 60_000L;
    }
}
