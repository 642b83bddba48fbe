package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.BED;
import static org.infusionwatch.agent.engine.EngineInput.alarm;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.monitor;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;

import java.util.List;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.ReportKind;
import org.junit.jupiter.api.Test;

class LethalArrhythmiaRuleTest {
    private static final EventCode EVENT = EventCode.LETHAL_ARRHYTHMIA;
    private static final String VT = "199832^MDC_EVT_ECG_V_TACHY^MDC";
    private static final String ECG = "147842";

    private static EngineHarness onset() {
        EngineHarness h = new EngineHarness("STROMA");
        for (int m = -60; m <= 0; m++) {
            h.report(monitor(BED, m, 94, 90, 75));
        }
        h.report(studyStart(BED, 0));
        return h;
    }

    @Test
    void shouldFlagANewVentricularTachycardiaAlarmAtOnce() {
        EngineHarness h = onset();
        h.report(alarm(BED, 62, VT, ECG, "start"));

        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> {
            assertThat(a.onsetMs()).isEqualTo(at(62));
            assertThat(a.raisedMs()).isEqualTo(at(62));
            assertThat(a.evidence()).containsEntry("rhythm", "ventricular tachycardia").containsEntry("doubtful", false)
                    .containsEntry("alarmCode", VT).containsEntry("baselineHeartRate", 90.0);
        });
    }

    @Test
    void shouldMapThePhilipsPrivateVfCodeThroughTheVendorTable() {
        EngineHarness h = onset();
        h.report(alarm(BED, 30, "258052^NOM_EVT_ECG_V_FIB_TACHY^MDC", ECG, "start"));
        assertThat(h.alerts(EVENT)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).containsEntry("rhythm", "ventricular fibrillation"));
    }

    @Test
    void shouldReadAnEventCodeSentInObx3AndOnlyTheCodeOverJson() {
        EngineHarness h = onset();
        long t = at(40);
        h.report(new DeviceReport("asys-1", ReportKind.ALARM, BED, "MON-BED01", t, List.of(
                new Observation(199684, "MDC_EVT_ECG_ASYSTOLE", Double.NaN, "Asystole", "", 0,
                        ObservationKind.MEASUREMENT, t, "MON-BED01"),
                new Observation(68481, "MDC_ATTR_EVENT_PHASE", Double.NaN, "start", "", 0,
                        ObservationKind.MEASUREMENT, t, "MON-BED01")), null));
        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> assertThat(a.evidence()).containsEntry("rhythm", "asystole"));

        EngineHarness json = onset();
        json.report(alarm(BED, 40, "199832", ECG, "start"));
        assertThat(json.alerts(EVENT)).hasSize(1);
    }

    @Test
    void shouldNotFlagARhythmThatWasActiveDuringTheBaselineHour() {
        EngineHarness h = onset();
        h.report(alarm(BED, -30, VT, ECG, "start")); // late but in event time: VT in the baseline hour
        h.report(alarm(BED, -29, VT, ECG, "end"));
        h.report(alarm(BED, 62, VT, ECG, "start"));
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldMarkTheAlertDoubtfulWhenTheLeadIsOffAtTheSameMomentButStillRaiseIt() {
        EngineHarness h = onset();
        h.report(alarm(BED, 62, "196876^MDC_EVT_LEAD_DISCONN^MDC", ECG, "start"));
        h.report(alarm(BED, 62, VT, ECG, "start"));
        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> {
            assertThat(a.evidence()).containsEntry("doubtful", true).containsEntry("doubtfulBecause", "ECG lead off");
            assertThat((String) a.evidence().get("summary")).contains("DOUBTFUL");
        });
    }

    @Test
    void shouldMarkTheAlertDoubtfulWhenTheLeadWentOffJustAfterAndTheOnsetArrivedLate() {
        EngineHarness h = new EngineHarness("STROMA");
        for (int m = -60; m <= 61; m++) {
            h.report(monitor(BED, m, 94, 90, 75));
        }
        h.report(alarm(BED, 62, VT, ECG, "start"));
        h.report(alarm(BED, 62 + 5 / 60.0, "196876^MDC_EVT_LEAD_DISCONN^MDC", ECG, "start"));
        h.report(studyStart(BED, 0)); // the delivery-start arrives after both alarms

        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> assertThat(a.evidence())
                .containsEntry("doubtful", true).containsEntry("doubtfulBecause", "ECG lead off"));
    }

    @Test
    void shouldNotMarkTheAlertDoubtfulForALeadOffLongAfterTheRhythmBegan() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(alarm(BED, 62, VT, ECG, "start"));
        h.report(alarm(BED, 63, "196876^MDC_EVT_LEAD_DISCONN^MDC", ECG, "start"));
        h.report(studyStart(BED, 0));

        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> assertThat(a.evidence())
                .containsEntry("doubtful", false));
    }

    @Test
    void shouldReadASensorDisconnectedAlarmOfTheEcgAsLeadOff() {
        EngineHarness h = onset();
        h.report(alarm(BED, 61.9, "196916^MDC_EVT_SENSOR_DISCONN^MDC", "147842^MDC_ECG_HEART_RATE^MDC", "start"));
        h.report(alarm(BED, 62, VT, ECG, "start"));
        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> assertThat(a.evidence()).containsEntry("doubtful", true));
    }

    @Test
    void shouldIgnoreAlarmsTheTableDoesNotKnowAndTheEndOfAnAlarm() {
        EngineHarness h = onset();
        h.report(alarm(BED, 50, "196670^MDC_EVT_LO^MDC", "150456", "start"));
        h.report(alarm(BED, 51, "197218^MDC_EVT_SYRINGE_BARREL_CAPTURE_FAULT^MDC", "70053", "start"));
        h.report(alarm(BED, 52, VT, ECG, "end"));
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldNotFlagAnArrhythmiaAfterTheWindow() {
        EngineHarness h = onset();
        h.report(alarm(BED, 370, VT, ECG, "start"));
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldHonourAHoldWhenTheProfileSetsOne() {
        EngineHarness h = new EngineHarness(EngineConfig.defaults(EngineHarness.profileWith("STROMA",
                "arrhythmia.hold.seconds=0", "arrhythmia.hold.seconds=10"), Enrolment.none()));
        h.report(studyStart(BED, 0));
        h.report(alarm(BED, 30, VT, ECG, "start"));
        h.report(alarm(BED, 30.1, VT, ECG, "end")); // 6 s run
        h.report(alarm(BED, 40, VT, ECG, "start"));
        h.tick(40 + 9.0 / 60);
        assertThat(h.alerts(EVENT)).isEmpty();
        h.tick(40 + 10.0 / 60);
        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> assertThat(a.onsetMs()).isEqualTo(at(40)));
    }
}
