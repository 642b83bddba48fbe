package org.infusionwatch.sims.scenario;

import java.util.Objects;

/**
 * The ventilation mode changes (e.g. high-flow oxygen to an invasive mode after intubation), as
 * the ventilator reports it in MDC_VENT_MODE.
 *
 * @param mode the mode label, e.g. {@code vent-mode-simv}
 */
public record ChangeVentMode(String mode) implements ScenarioAction {

    /** The simulators' label for high-flow nasal oxygen. */
    public static final String HIGH_FLOW = "vent-mode-high-flow-o2";
    /** The simulators' label for non-invasive ventilation. */
    public static final String NON_INVASIVE = "vent-mode-niv";
    /** Invasive modes (IHE PCD TF Vol 3 table 7.2.2-1). */
    public static final String SIMV = "vent-mode-simv";
    public static final String ASSIST = "vent-mode-insp-assist";

    public ChangeVentMode {
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        String before = bed.ventilator().settings().mode();
        bed.ventilator().apply(bed.ventilator().settings().withMode(mode));
        return "ventilation mode " + before + "→" + mode;
    }
}
