package org.infusionwatch.sims.wire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;
import org.infusionwatch.sims.model.PumpEvent;

/** The reports of the examples in docs/wire-formats.md, built by hand. */
final class WireSamples {

    static final long T_1015 = 1_795_342_500_000L; // 2026-11-22T10:15:00Z
    static final long T_1100 = 1_795_345_200_000L; // 2026-11-22T11:00:00Z

    static final DeviceAddress VENT = DeviceAddress.of("ICU-A", "BED01", 1, DeviceKind.VENTILATOR);
    static final DeviceAddress PUMP = DeviceAddress.of("ICU-A", "BED01", 1, DeviceKind.PUMP);

    private WireSamples() {
    }

    static DeviceSample ventReport() {
        return new DeviceSample("VENT-BED01", DeviceKind.VENTILATOR, 42, T_1015, List.of(
                Observation.setting(Mdc.VENT_FIO2, "1.1.1.1", ObsValue.of(40L), Mdc.PERCENT),
                Observation.setting(Mdc.VENT_PEEP, "1.1.1.2", ObsValue.of(8L), Mdc.CM_H2O),
                Observation.setting(Mdc.VENT_MODE, "1.1.1.3", new ObsValue.Coded("", "vent-mode-insp-assist"), null),
                Observation.measurement(Mdc.VENT_RESP_RATE, "1.1.1.4", ObsValue.of(22L), Mdc.RESP_PER_MIN)),
                Optional.empty());
    }

    static DeviceSample pumpStart(String label) {
        BigDecimal rate = BigDecimal.valueOf(100);
        BigDecimal weight = BigDecimal.valueOf(80);
        return new DeviceSample("PUMP-BED01", DeviceKind.PUMP, 7, T_1100, List.of(
                Observation.attribute(Mdc.DRUG_NAME_LABEL, "1.1.2.1", new ObsValue.Text(label), null),
                Observation.attribute(Mdc.FLOW_FLUID_PUMP, "1.1.2.2", new ObsValue.Numeric(rate), Mdc.ML_PER_HOUR),
                Observation.attribute(Mdc.PATIENT_WEIGHT, "1.1.2.3", new ObsValue.Numeric(weight), Mdc.KG)),
                Optional.of(new PumpEvent(Mdc.EVT_PUMP_DELIV_START, label, rate, weight)));
    }
}
