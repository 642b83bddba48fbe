package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.BED;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;
import static org.infusionwatch.agent.engine.EngineInput.vasopressor;
import static org.infusionwatch.agent.engine.EngineInput.vasopressorPump;

import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.junit.jupiter.api.Test;

class VasopressorRuleTest {
    /** Noradrenaline 8 mg/50 mL = 0.16 mg/mL: 3.75 mL/h = 10 ug/min. */
    private static final String NORAD = "Noradrenaline 8 mg/50 mL";
    private static final double NORAD_MG_PER_ML = 0.16;
    private static final EventCode EVENT = EventCode.VASOPRESSOR_ESCALATION;

    private static EngineHarness onNoradrenalineAt4(String profile) {
        EngineHarness h = new EngineHarness(profile);
        h.report(vasopressor(BED, -60, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 1.5)); // 4 ug/min
        h.report(studyStart(BED, 0));
        return h;
    }

    @Test
    void shouldFlagNoradrenalineRaisedToTwelveMicrogramsPerMinuteAndHeldTenMinutes() {
        EngineHarness h = onNoradrenalineAt4("STROMA");
        h.report(vasopressor(BED, 90, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 4.5)); // 12 ug/min
        h.ticks(90, 99.9, 6);
        assertThat(h.alerts(EVENT)).isEmpty();

        h.tick(100);

        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> {
            assertThat(a.onsetMs()).isEqualTo(at(90));
            assertThat(a.raisedMs()).isEqualTo(at(100));
            assertThat(a.evidence()).containsEntry("drug", "NOREPINEPHRINE").containsEntry("doseAtOnset", 4.0)
                    .containsEntry("dose", 12.0).containsEntry("unit", "ug/min")
                    .containsEntry("threshold", ">= 10 ug/min").containsEntry("minutesAfterOnset", 90L);
            assertThat((String) a.evidence().get("summary")).contains("norepinephrine", "12 ug/min", "90 min after onset");
        });
    }

    @Test
    void shouldNotFlagADoseJustUnderTheThreshold() {
        EngineHarness h = onNoradrenalineAt4("STROMA");
        h.report(vasopressor(BED, 90, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 3.6)); // 9.6 ug/min
        h.ticks(90, 400, 60);
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldNotFlagATitrationThatDoesNotHoldTenMinutes() {
        EngineHarness h = onNoradrenalineAt4("STROMA");
        h.report(vasopressor(BED, 90, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 4.5));
        h.report(vasopressor(BED, 99, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 2.0));
        h.ticks(99, 200, 30);
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldNotCountABolusPrimingOrPurgeAsADose() {
        EngineHarness h = onNoradrenalineAt4("STROMA");
        h.report(vasopressorPump(BED, 60, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 300, 80, "pump-status-infusing",
                "pump-program-delivery-mode-bolus"));
        h.ticks(60, 75, 30);
        h.report(vasopressor(BED, 75, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 1.5));
        h.report(vasopressorPump(BED, 100, "SPUMP-2", NORAD, NORAD_MG_PER_ML, 900, 80, "pump-status-infusing",
                "pump-program-delivery-mode-priming"));
        h.ticks(100, 130, 30);
        h.report(vasopressorPump(BED, 140, "SPUMP-3", NORAD, NORAD_MG_PER_ML, 600, 80, "pump-status-infusing",
                "pump-program-delivery-mode-purge"));
        h.ticks(140, 170, 30);
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldNotFlagADoseAlreadyOverTheThresholdAtOnset() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(vasopressor(BED, -30, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 4.5));
        h.report(studyStart(BED, 0));
        h.report(vasopressor(BED, 60, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 5.0));
        h.ticks(60, 120, 60);
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldFlagThirdVasopressorWithinSixHours() {
        EngineHarness h = onNoradrenalineAt4("STROMA");
        h.report(vasopressor(BED, -50, "SPUMP-2", "Vasopressin 20 U/20 mL", 1, 2.4));
        h.report(vasopressor(BED, 120, "SPUMP-3", "Phenylephrine 50 mg/50 mL", 1, 1.2)); // 20 ug/min, under 100
        h.ticks(120, 130, 1);

        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> {
            assertThat(a.onsetMs()).isEqualTo(at(120));
            assertThat(a.raisedMs()).isEqualTo(at(130));
            assertThat(a.evidence()).containsEntry("rule", "third vasopressor").containsEntry("agentsAtOnset", 2L)
                    .containsEntry("agents", 3L);
            assertThat((String) a.evidence().get("vasopressorsRunning"))
                    .contains("norepinephrine", "phenylephrine", "vasopressin");
        });
    }

    @Test
    void shouldUseMicrogramsPerKilogramForEpinephrineUnderStartButMicrogramsUnderLanzoni() {
        // Adrenaline 5 mg/50 mL = 0.1 mg/mL; 5.4 mL/h = 9 ug/min = 0.1125 ug/kg/min at 80 kg.
        for (String profile : List.of("START", "LANZONI")) {
            EngineHarness h = new EngineHarness(profile);
            h.report(studyStart(BED, 0));
            h.report(vasopressor(BED, 30, "SPUMP-1", "Adrenaline 5 mg/50 mL", 0.1, 5.4));
            h.ticks(30, 60, 30);
            if (profile.equals("START")) {
                assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> assertThat(a.evidence())
                        .containsEntry("drug", "EPINEPHRINE").containsEntry("dose", 0.113).containsEntry("weightKg", 80.0));
            } else {
                assertThat(h.alerts(EVENT)).as("9 ug/min is under LANZONI's 10 ug/min").isEmpty();
            }
        }
    }

    @Test
    void shouldUseTheConfiguredWeightWhenThePumpSendsNone() {
        // Dopamine 200 mg/50 mL = 4 mg/mL; 13.2 mL/h = 880 ug/min = 11 ug/kg/min at 80 kg, 8.8 at 100 kg.
        EngineHarness light = new EngineHarness(EngineConfig.defaults(ProtocolProfile.builtIn("STROMA"),
                new Enrolment(Map.of())).withWeights(Map.of(BED, 80.0)));
        EngineHarness heavy = new EngineHarness(EngineConfig.defaults(ProtocolProfile.builtIn("STROMA"),
                new Enrolment(Map.of())).withWeights(Map.of(BED, 100.0)));
        EngineHarness unknown = new EngineHarness("STROMA");
        for (EngineHarness h : List.of(light, heavy, unknown)) {
            h.report(studyStart(BED, 0));
            h.report(vasopressorPump(BED, 30, "SPUMP-1", "DOPAMINE", 4, 13.2, Double.NaN, "pump-status-infusing",
                    "pump-program-delivery-mode-continuous"));
            h.ticks(30, 45, 60);
        }
        assertThat(light.alerts(EVENT)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).containsEntry("dose", 11.0).containsEntry("weightKg", 80.0));
        assertThat(heavy.alerts(EVENT)).isEmpty();
        assertThat(unknown.alerts(EVENT)).as("no weight: the dose is unknown, never guessed").isEmpty();
    }

    @Test
    void shouldSumTheChannelsOfOneDrugAndReadAStationReportWithSeveralPumps() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(studyStart(BED, 0));
        long t = at(45);
        // One message from a pump station: two noradrenaline syringes (a relay), 2.0 + 2.0 mL/h = 10.7 ug/min.
        List<Observation> obs = List.of(
                text(Signals.DRUG_NAME_LABEL, "NORADRENALINE", t, "SPUMP-A"),
                rate(2.0, t, "SPUMP-A"), conc(NORAD_MG_PER_ML, t, "SPUMP-A"),
                text(Signals.DRUG_NAME_LABEL, "NORADRENALINE", t, "SPUMP-B"),
                rate(2.0, t, "SPUMP-B"), conc(NORAD_MG_PER_ML, t, "SPUMP-B"));
        h.report(new DeviceReport("station-1", ReportKind.OBSERVATIONS, BED, "STATION", t, obs, null));
        h.ticks(45, 55, 60);
        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> assertThat(a.evidence()).containsEntry("dose", 10.667));
    }

    @Test
    void shouldStopCountingAPumpWhenItStopsInfusing() {
        EngineHarness h = onNoradrenalineAt4("STROMA");
        h.report(vasopressor(BED, 30, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 4.5));
        h.report(vasopressorPump(BED, 35, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 4.5, 80, "pump-status-not-infusing",
                "pump-program-delivery-mode-continuous"));
        h.ticks(35, 60, 60);
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldNotFlagAnEscalationThatBeginsAfterTheWindow() {
        EngineHarness h = onNoradrenalineAt4("STROMA");
        h.report(vasopressor(BED, 361, "SPUMP-1", NORAD, NORAD_MG_PER_ML, 4.5));
        h.ticks(361, 400, 60);
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    private static Observation text(int code, String value, long t, String device) {
        return new Observation(code, "", Double.NaN, value, "", 0, ObservationKind.MEASUREMENT, t, device);
    }

    private static Observation rate(double mlPerHour, long t, String device) {
        return new Observation(Signals.FLOW_FLUID_PUMP, "MDC_FLOW_FLUID_PUMP", mlPerHour, "", "MDC_DIM_MILLI_L_PER_HR",
                265266, ObservationKind.MEASUREMENT, t, device);
    }

    private static Observation conc(double mgPerMl, long t, String device) {
        return new Observation(Signals.CONC_DRUG, "MDC_CONC_DRUG", mgPerMl, "", "MDC_DIM_MILLI_G_PER_ML", 264306,
                ObservationKind.MEASUREMENT, t, device);
    }
}
