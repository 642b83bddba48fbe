package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.monitor.AlarmSamples;
import org.infusionwatch.sims.model.monitor.MonitorAlarm;
import org.infusionwatch.sims.model.monitor.PatientMonitor;
import org.infusionwatch.sims.model.monitor.Vitals;
import org.junit.jupiter.api.Test;

class Pcd04WriterTest {
    private static final DeviceAddress MONITOR = DeviceAddress.of("ICU-A", "BED01", 1, DeviceKind.MONITOR);

    private static DeviceSample vtStart() {
        PatientMonitor m = new PatientMonitor("MON-BED01", new Vitals(94, 90, 75), Long.MAX_VALUE / 2, 60_000,
                new java.util.SplittableRandom(1));
        m.raise(MonitorAlarm.VENTRICULAR_TACHYCARDIA, WireSamples.T_1015);
        return m.tick(WireSamples.T_1015).get(0);
    }

    @Test
    void shouldWriteAnAlarmShapedLikeTheIheAndBBraunPcd04Samples() {
        String message = new Pcd04Writer().write(MONITOR, vtStart());

        assertThat(message.split("\r")).containsExactly(
                "MSH|^~\\&|IWSIM_MON^0012ABCD00000102^EUI-64|IWSIM|INFUSIONWATCH|IW|20261122101500+0000||ORU^R40^ORU_R40"
                        + "|MON-BED01-000001|P|2.6|||AL|NE||UNICODE UTF-8|en^English^ISO639||IHE_PCD_ACM_001^IHE PCD"
                        + "^1.3.6.1.4.1.19376.1.6.4.4^ISO",
                "PID|||SIM-BED01^^^IWSIM^PI",
                "PV1||I|ICU-A^^BED01",
                "OBR|1|MON-BED01-000001^IWSIM|MON-BED01-000001^IWSIM|196616^MDC_EVT_ALARM^MDC|||20261122101500+0000",
                "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||MON-BED01^^0012ABCD00000102^EUI-64",
                "OBX|2|CWE|196616^MDC_EVT_ALARM^MDC|1.1.1.0.1|199832^MDC_EVT_ECG_V_TACHY^MDC||||||F|||20261122101500+0000",
                "OBX|3|CWE|68480^MDC_ATTR_ALERT_SOURCE^MDC|1.1.1.0.2|147842^MDC_ECG_HEART_RATE^MDC||||||F",
                "OBX|4|ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.1.1.0.3|start||||||F",
                "OBX|5|ST|68482^MDC_ATTR_ALARM_STATE^MDC|1.1.1.0.4|active||||||F",
                "OBX|6|ST|68483^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC|1.1.1.0.5|enabled||||||F",
                "OBX|7|ST|68484^MDC_ATTR_ALARM_PRIORITY^MDC|1.1.1.0.6|PH||||||F",
                "OBX|8|ST|68485^MDC_ATTR_ALERT_TYPE^MDC|1.1.1.0.7|SP||||||F",
                "OBX|9|ST|68546^MDC_ATTR_ALERT_TEXT^MDC|1.1.1.0.8|V-Tach||||||F");
    }

    @Test
    void shouldBeChosenForAlarmsByTheHl7Sink() {
        DeviceSample alarm = vtStart();
        assertThat(AlarmSamples.isAlarm(alarm)).isTrue();
        assertThat(Hl7DeviceSink.write(MONITOR, alarm)).contains("|ORU^R40^ORU_R40|");
        assertThat(Hl7DeviceSink.write(WireSamples.VENT, WireSamples.ventReport())).contains("|ORU^R01^ORU_R01|");
        assertThatThrownBy(() -> new Pcd04Writer().write(WireSamples.VENT, WireSamples.ventReport()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
