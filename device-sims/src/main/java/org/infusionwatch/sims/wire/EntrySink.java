package org.infusionwatch.sims.wire;

import org.infusionwatch.sims.model.ClinicianEntry;

/**
 * Where a unit's clinician entries go: MQTT JSON ({@link MqttJsonPublisher}) or HL7 over MLLP as a
 * charting system sends them ({@link Hl7EntrySink}).
 *
 * <p>Threading: implementations may be called from any thread and return at once.
 */
@FunctionalInterface
public interface EntrySink {

    /** Sends an entry charted at {@code bed} of {@code unit}. */
    void publishEntry(String unit, String bed, ClinicianEntry entry);
}
