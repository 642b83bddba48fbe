package org.infusionwatch.sims.wire;

import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.MdcTerm;
import org.infusionwatch.sims.model.MdcUnit;
import org.infusionwatch.sims.model.ObsKind;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;

/**
 * The segments the PCD-01 and PCD-10 writers share, in the form of {@code docs/wire-formats.md}.
 * Stateless.
 */
final class Hl7DeviceMessages {

    static final String SENDING_FACILITY = "IWSIM";
    private static final String SETTING_METHOD = "MSET^manual-setting^MDC";
    private static final String MEASUREMENT_METHOD = "AMEAS^auto-measurement^MDC";

    private Hl7DeviceMessages() {
    }

    /** MSH: the device (MSH-3) sends to InfusionWatch; MSH-7 is the report's sim time. */
    static void msh(StringBuilder out, DeviceAddress device, DeviceSample sample, String messageType, String profile) {
        new Hl7Segment("MSH")
                .set(3, device.kind().application() + "^" + device.eui64() + "^EUI-64")
                .set(4, SENDING_FACILITY)
                .set(5, "INFUSIONWATCH")
                .set(6, "IW")
                .set(7, Hl7Text.timestamp(sample.timeMs()))
                .set(9, messageType)
                .set(10, Hl7Text.escape(sample.messageId()))
                .set(11, "P")
                .set(12, "2.6")
                .set(15, "AL")
                .set(16, "NE")
                .set(18, "UNICODE UTF-8")
                .set(19, "en^English^ISO639")
                .set(21, profile)
                .appendTo(out);
    }

    /** PID with the fake patient id, and PV1 with the bed ({@code unit^^bed}). */
    static void patientAndVisit(StringBuilder out, DeviceAddress device) {
        new Hl7Segment("PID").set(3, Hl7Text.escape(device.patientId()) + "^^^" + SENDING_FACILITY + "^PI").appendTo(out);
        new Hl7Segment("PV1").set(2, "I").set(3, Hl7Text.escape(device.unit()) + "^^" + Hl7Text.escape(device.bed()))
                .appendTo(out);
    }

    static void obr(StringBuilder out, DeviceSample sample, String universalServiceId) {
        String placer = Hl7Text.escape(sample.messageId()) + "^" + SENDING_FACILITY;
        new Hl7Segment("OBR")
                .set(1, "1")
                .set(2, placer)
                .set(3, placer)
                .set(4, universalServiceId)
                .set(7, Hl7Text.timestamp(sample.timeMs()))
                .appendTo(out);
    }

    /**
     * The MDS OBX that names the device (OBX-18 = {@code deviceId^^EUI-64^EUI-64}): {@code deviceId}, one of the devices behind {@code device}'s connection (a
     * pump station sends for each of its pumps, each with its own OBX-18).
     */
    static void mdsObx(StringBuilder out, DeviceAddress device, String deviceId) {
        new Hl7Segment("OBX")
                .set(1, "1")
                .set(3, coded(device.kind().mds()))
                .set(4, "1.0.0.0")
                .set(11, "X")
                .set(18, Hl7Text.escape(deviceId) + "^^" + device.eui64() + "^EUI-64")
                .appendTo(out);
    }

    /**
     * An observation OBX. Settings and measurements carry their time (OBX-14) and method
     * (OBX-17); attributes carry neither, as pumps send them.
     *
     * @param ucumUnits whether OBX-6 also carries the UCUM code (the PCD-10 form)
     */
    static void obx(StringBuilder out, int setId, Observation obs, long timeMs, boolean ucumUnits) {
        Hl7Segment obx = new Hl7Segment("OBX")
                .set(1, Integer.toString(setId))
                .set(2, valueType(obs.value()))
                .set(3, coded(obs.term()))
                .set(4, obs.subId())
                .set(5, value(obs.value()))
                .set(11, "R");
        if (obs.unit() != null) {
            obx.set(6, unit(obs.unit(), ucumUnits));
        }
        if (obs.kind() != ObsKind.ATTRIBUTE) {
            obx.set(14, Hl7Text.timestamp(timeMs));
            obx.set(17, obs.kind() == ObsKind.SETTING ? SETTING_METHOD : MEASUREMENT_METHOD);
        }
        obx.appendTo(out);
    }

    static String coded(MdcTerm term) {
        return term.code() + "^" + term.refId() + "^MDC";
    }

    private static String unit(MdcUnit unit, boolean withUcum) {
        String mdc = unit.code() + "^" + unit.refId() + "^MDC";
        if (!withUcum) {
            return mdc;
        }
        String ucum = Hl7Text.escape(unit.ucum());
        return mdc + "^" + ucum + "^" + ucum + "^UCUM";
    }

    private static String valueType(ObsValue value) {
        if (value instanceof ObsValue.Numeric) {
            return "NM";
        }
        return value instanceof ObsValue.Text ? "ST" : "CWE";
    }

    private static String value(ObsValue value) {
        if (value instanceof ObsValue.Numeric numeric) {
            return numeric.plain();
        }
        if (value instanceof ObsValue.Text text) {
            return Hl7Text.escape(text.value());
        }
        ObsValue.Coded coded = (ObsValue.Coded) value;
        return Hl7Text.escape(coded.code()) + "^" + Hl7Text.escape(coded.text());
    }
}
