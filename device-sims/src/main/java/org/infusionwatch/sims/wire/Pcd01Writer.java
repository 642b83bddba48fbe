package org.infusionwatch.sims.wire;

import java.util.List;

import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Observation;

/**
 * Writes a periodic device report as an IHE PCD-01 message ({@code ORU^R01^ORU_R01}, HL7 v2.6),
 * in the form of {@code docs/wire-formats.md}: segments end with CR, no MLLP framing.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class Pcd01Writer {

    static final String MESSAGE_TYPE = "ORU^R01^ORU_R01";
    static final String PROFILE = "IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO";

    /**
     * @throws IllegalArgumentException if the sample is a pump event (use {@link Pcd10Writer})
     */
    public String write(DeviceAddress device, DeviceSample sample) {
        if (sample.event().isPresent()) {
            throw new IllegalArgumentException(sample.messageId() + " is a pump event: write it with Pcd10Writer");
        }
        StringBuilder out = new StringBuilder(2048); // the load's reports reach 1,030 bytes
        Hl7DeviceMessages.msh(out, device, sample, MESSAGE_TYPE, PROFILE);
        Hl7DeviceMessages.patientAndVisit(out, device);
        Hl7DeviceMessages.obr(out, sample, Hl7DeviceMessages.coded(device.kind().mds()));
        Hl7DeviceMessages.mdsObx(out, device, sample.deviceId());
        List<Observation> observations = sample.observations();
        for (int i = 0; i < observations.size(); i++) {
            Hl7DeviceMessages.obx(out, i + 2, observations.get(i), sample.timeMs(), false);
        }
        return out.toString();
    }
}
