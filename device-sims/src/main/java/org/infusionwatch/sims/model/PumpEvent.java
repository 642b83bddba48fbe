package org.infusionwatch.sims.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An infusion pump event (IHE PCD-10), such as delivery start or delivery complete.
 *
 * @param event          the event condition, e.g. {@link Mdc#EVT_PUMP_DELIV_START}
 * @param drugLabel      the drug label programmed on the pump (blinded for the study product)
 * @param rateMlPerHour  the programmed rate
 * @param weightKg       the patient weight programmed on the pump
 */
public record PumpEvent(MdcTerm event, String drugLabel, BigDecimal rateMlPerHour, BigDecimal weightKg) {

    public PumpEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(drugLabel, "drugLabel");
        Objects.requireNonNull(rateMlPerHour, "rateMlPerHour");
        Objects.requireNonNull(weightKg, "weightKg");
    }
}
