package org.infusionwatch.sims.wire;

import java.util.List;

import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;
import org.infusionwatch.sims.model.monitor.AlarmSamples;

/**
 * Writes a monitor alarm as an IHE PCD-04 message ({@code ORU^R40^ORU_R40}, HL7 v2.6), shaped
 * like the IHE TF and B. Braun samples in shared/hl7-samples: OBR-4 {@code MDC_EVT_ALARM}, the MDS
 * OBX, then the alarm ({@code 196616^MDC_EVT_ALARM} with the event code in OBX-5, OBX-14 the time)
 * and its attributes (source, phase, state, inactivation state, priority, type, text) with OBX-4
 * sub-ids {@code 1.1.1.0.n} and result status {@code F}.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class Pcd04Writer {

    static final String MESSAGE_TYPE = "ORU^R40^ORU_R40";
    static final String PROFILE = "IHE_PCD_ACM_001^IHE PCD^1.3.6.1.4.1.19376.1.6.4.4^ISO";

    /** True for samples this writer writes (monitor alarms). */
    public static boolean isAlarm(DeviceSample sample) {
        return AlarmSamples.isAlarm(sample);
    }

    /**
     * @throws IllegalArgumentException if the sample is not an alarm
     */
    public String write(DeviceAddress device, DeviceSample sample) {
        if (!isAlarm(sample)) {
            throw new IllegalArgumentException(sample.messageId() + " is not an alarm: write it with Pcd01Writer");
        }
        StringBuilder out = new StringBuilder(2048); // the load's reports reach 1,030 bytes
        Hl7DeviceMessages.msh(out, device, sample, MESSAGE_TYPE, PROFILE);
        Hl7DeviceMessages.patientAndVisit(out, device);
        Hl7DeviceMessages.obr(out, sample, Hl7DeviceMessages.coded(Mdc.EVT_ALARM));
        Hl7DeviceMessages.mdsObx(out, device, sample.deviceId());
        List<Observation> observations = sample.observations();
        for (int i = 0; i < observations.size(); i++) {
            Observation obs = observations.get(i);
            Hl7Segment obx = new Hl7Segment("OBX")
                    .set(1, Integer.toString(i + 2))
                    .set(2, obs.value() instanceof ObsValue.Coded ? "CWE" : "ST")
                    .set(3, Hl7DeviceMessages.coded(obs.term()))
                    .set(4, obs.subId())
                    .set(5, value(obs.value()))
                    .set(11, "F");
            if (i == 0) {
                obx.set(14, Hl7Text.timestamp(sample.timeMs()));
            }
            obx.appendTo(out);
        }
        return out.toString();
    }

    private static String value(ObsValue value) {
        if (value instanceof ObsValue.Coded coded) {
            return Hl7Text.escape(coded.code()) + "^" + Hl7Text.escape(coded.text()) + "^MDC";
        }
        return Hl7Text.escape(((ObsValue.Text) value).value());
    }
}
