package org.infusionwatch.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infusionwatch.agent.engine.StudyProductMatcher;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.junit.jupiter.api.Test;

/**
 * The bed tile's vasopressor line, from syringe pumps' PCD-01 reports as the simulators and a
 * B. Braun Space station send them: the dose in the protocol's unit, its age, and never a dose
 * for the blinded study product. Drives {@link WardState} directly, no threads.
 */
class VasopressorTileTest {
    private static final BedRef BED = new BedRef("ICU-A", "BED01");
    private static final long T = 1_795_000_000_000L;
    private static final ProtocolProfile STROMA = ProtocolProfile.builtIn("STROMA");

    private final WardState ward = new WardState(new WardLayout("STROMA", STROMA.windowMs(), STROMA.longWindowMs(),
            Map.of(BED, "STROMA-0001"), StudyProductMatcher.defaults(), STROMA.vasopressors(),
            WardLayout.DEFAULT_HISTORY_MS));

    @Test
    void shouldShowNoradrenalineAsMicrogramsPerMinuteWorkedOutFromConcentrationAndRate() {
        // 8 mg/50 mL = 0.16 mg/mL; 4.5 mL/h x 160 ug/mL / 60 = 12 ug/min (STROMA's threshold unit).
        ward.onReport(pumpReport("SPUMP-BED01-1", T, "Noradrenaline 8 mg/50 mL", 0.16, 4.5, "pump-status-infusing",
                Double.NaN));
        ward.onTick(T + 120_000);

        WardSnapshot.Pump pump = onlyPump();
        assertThat(pump.vasopressor()).isEqualTo("norepinephrine");
        assertThat(pump.dose()).isEqualTo("12 ug/min");
        assertThat(pump.running()).isTrue();
        assertThat(pump.ageMs()).isEqualTo(120_000);
    }

    @Test
    void shouldShowAdrenalinePerKilogramWithThePumpsWeightWhenTheProtocolCountsItSo() {
        // 0.1 mg/mL at 5.4 mL/h = 9 ug/min; at 80 kg 0.1125 ug/kg/min.
        ward.onReport(pumpReport("SPUMP-BED01-1", T, "Adrenaline 5 mg/50 mL", 0.1, 5.4, "pump-status-infusing", 80));

        assertThat(onlyPump().dose()).isEqualTo("0.11 ug/kg/min");
    }

    @Test
    void shouldSayStoppedWhenThePumpReportsItIsNotInfusing() {
        ward.onReport(pumpReport("SPUMP-BED01-1", T, "Noradrenaline 8 mg/50 mL", 0.16, 4.5, "pump-status-not-infusing",
                Double.NaN));

        assertThat(onlyPump().dose()).isEqualTo("stopped");
        assertThat(onlyPump().running()).isFalse();
    }

    @Test
    void shouldNeverTreatTheStudyProductAsAVasopressorNorShowItsLabel() {
        ward.onReport(pumpReport("PUMP-BED01", T, "STUDY-DRUG-KIT-0042 noradrenaline", 0.16, 4.5, "pump-status-infusing",
                Double.NaN));

        WardSnapshot.Pump pump = onlyPump();
        assertThat(pump.studyProduct()).isTrue();
        assertThat(pump.vasopressor()).isNull();
        assertThat(pump.dose()).isNull();
        assertThat(pump.drug()).isEqualTo("study product");
    }

    @Test
    void shouldShowNoDoseForAPumpOfAnotherDrug() {
        ward.onReport(pumpReport("SPUMP-BED01-2", T, "Propofol 1%", 10, 12, "pump-status-infusing", Double.NaN));

        assertThat(onlyPump().vasopressor()).isNull();
        assertThat(onlyPump().rate()).isEqualTo("12 mL/h");
    }

    private WardSnapshot.Pump onlyPump() {
        List<WardSnapshot.Pump> pumps = ward.snapshot().beds().get(0).pumps();
        assertThat(pumps).hasSize(1);
        return pumps.get(0);
    }

    private static DeviceReport pumpReport(String pump, long t, String label, double mgPerMl, double rate, String status,
                                           double weightKg) {
        List<Observation> obs = new ArrayList<>();
        obs.add(text(184519, "MDC_PUMP_INFUSING_STATUS", status, pump, t));
        obs.add(text(158008, "MDC_DEV_PUMP_PROGRAM_DELIVERY_MODE", "pump-program-delivery-mode-continuous", pump, t));
        obs.add(text(184514, "MDC_DRUG_NAME_LABEL", label, pump, t));
        obs.add(number(157784, "MDC_FLOW_FLUID_PUMP", rate, "MDC_DIM_MILLI_L_PER_HR", 265266, pump, t));
        obs.add(number(157760, "MDC_CONC_DRUG", mgPerMl, "MDC_DIM_MILLI_G_PER_ML", 264306, pump, t));
        if (!Double.isNaN(weightKg)) {
            obs.add(number(68063, "MDC_ATTR_PT_WEIGHT", weightKg, "MDC_DIM_KILO_G", 263875, pump, t));
        }
        return new DeviceReport("M-" + t, ReportKind.OBSERVATIONS, BED, pump, t, obs, null);
    }

    private static Observation text(int code, String ref, String text, String device, long t) {
        return new Observation(code, ref, Double.NaN, text, "", 0, ObservationKind.SETTING, t, device);
    }

    private static Observation number(int code, String ref, double v, String unit, int unitCode, String device, long t) {
        return new Observation(code, ref, v, String.valueOf(v), unit, unitCode, ObservationKind.SETTING, t, device);
    }
}
