package org.infusionwatch.sims.wire;

import java.util.List;

import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.Observation;
import org.infusionwatch.sims.model.PumpEvent;

/**
 * Writes a pump event as an IHE PCD-10 message ({@code ORU^R42^ORU_R01}, HL7 v2.6), in the
 * form of {@code docs/wire-formats.md}: OBR-4 is the drug label, the event condition
 * ({@code MDC_ATTR_EVT_COND}) follows the MDS, then the pump's attributes with UCUM units.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class Pcd10Writer {

    static final String MESSAGE_TYPE = "ORU^R42^ORU_R01";
    static final String PROFILE = "IHE_PCD_010^IHE PCD^1.3.6.1.4.1.19376.1.6.4.10^ISO";

    /**
     * @throws IllegalArgumentException if the sample is not a pump event (use {@link Pcd01Writer})
     */
    public String write(DeviceAddress device, DeviceSample sample) {
        PumpEvent event = sample.event().orElseThrow(() -> new IllegalArgumentException(
                sample.messageId() + " is not a pump event: write it with Pcd01Writer"));
        StringBuilder out = new StringBuilder(2048); // the load's reports reach 1,030 bytes
        Hl7DeviceMessages.msh(out, device, sample, MESSAGE_TYPE, PROFILE);
        Hl7DeviceMessages.patientAndVisit(out, device);
        Hl7DeviceMessages.obr(out, sample, Hl7Text.escape(event.drugLabel()));
        Hl7DeviceMessages.mdsObx(out, device, sample.deviceId());
        new Hl7Segment("OBX")
                .set(1, "2")
                .set(2, "CWE")
                .set(3, Hl7DeviceMessages.coded(Mdc.EVT_COND))
                .set(4, "1.0.0.2")
                .set(5, Hl7DeviceMessages.coded(event.event()))
                .set(11, "R")
                .appendTo(out);
        List<Observation> observations = sample.observations();
        for (int i = 0; i < observations.size(); i++) {
            Hl7DeviceMessages.obx(out, i + 3, observations.get(i), sample.timeMs(), true);
        }
        return out.toString();
    }
}
