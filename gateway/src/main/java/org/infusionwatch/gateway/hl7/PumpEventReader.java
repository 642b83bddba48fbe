package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.util.List;
import java.util.Set;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.PumpEvent;

/**
 * Builds the {@link PumpEvent} of an IHE PCD-10 message from its observations. Attributes are
 * matched on the MDC code or, because devices send the placeholder code 0 for terms that were
 * pending (IHE example, B. Braun), on the reference id. Rate and weight are taken only in mL/h and
 * kg (or without a unit); another unit gives NaN rather than a silently wrong number. Stateless.
 *
 * <p>Public only so that the byte-level decoder ({@code hl7.fast}) builds its pump events with
 * the very same rules as this HAPI-based path; nothing else should need it.
 */
public final class PumpEventReader {

    public static final int MDC_ATTR_EVT_COND = 68487;
    public static final String MDC_ATTR_EVT_COND_REF = "MDC_ATTR_EVT_COND";
    private static final int DRUG_NAME_LABEL = 184514;
    private static final int FLOW_FLUID_PUMP = 157784;
    private static final int CONC_DRUG = 157760;
    private static final int PT_WEIGHT = 68063;
    private static final Set<String> ML_PER_HOUR = Set.of("", "265266", "MDC_DIM_MILLI_L_PER_HR", "mL/h");
    private static final Set<String> KILOGRAM = Set.of("", "263875", "MDC_DIM_KILO_G", "kg");

    /** The event condition as sent in OBX-5 of {@code MDC_ATTR_EVT_COND}. */
    public record Condition(int code, String refId, long timeMs) {
    }

    private PumpEventReader() {
    }

    static boolean isEventCondition(ObxReader.Code code) {
        return code.mdcCode() == MDC_ATTR_EVT_COND || MDC_ATTR_EVT_COND_REF.equals(code.refId());
    }

    /**
     * @param condition    the first {@code MDC_ATTR_EVT_COND}, null if the message has none
     * @param obr4Text     OBR-4 text (component 2, else 1), the drug label when none is sent
     * @throws Hl7Refusal AE when the message carries no event condition
     */
    static PumpEvent read(Condition condition, List<Observation> observations, String obr4Text)
            throws Hl7Refusal {
        if (condition == null) {
            throw Hl7Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                    "pump event message without " + MDC_ATTR_EVT_COND_REF, null);
        }
        return of(condition, observations, obr4Text);
    }

    /**
     * The pump event of a message whose event condition is known.
     *
     * @param condition    the first {@code MDC_ATTR_EVT_COND} of the message, not null
     * @param observations the message's observations, in message order
     * @param obr4Text     OBR-4 text (component 2, else 1), the drug label when none is sent
     */
    public static PumpEvent of(Condition condition, List<Observation> observations, String obr4Text) {
        Observation drug = find(observations, DRUG_NAME_LABEL, "MDC_DRUG_NAME_LABEL");
        Observation rate = find(observations, FLOW_FLUID_PUMP, "MDC_FLOW_FLUID_PUMP");
        Observation concentration = find(observations, CONC_DRUG, "MDC_CONC_DRUG");
        Observation weight = find(observations, PT_WEIGHT, "MDC_ATTR_PT_WEIGHT");
        String drugLabel = drug == null || drug.text().isEmpty() ? obr4Text : drug.text();
        return new PumpEvent(condition.code(), condition.refId(), drugLabel,
                valueIn(rate, ML_PER_HOUR),
                concentration == null ? Double.NaN : concentration.value(),
                concentration == null ? "" : concentration.unit(),
                valueIn(weight, KILOGRAM), condition.timeMs());
    }

    private static Observation find(List<Observation> observations, int code, String refId) {
        for (Observation o : observations) {
            if ((o.mdcCode() != 0 && o.mdcCode() == code) || refId.equals(o.refId())) {
                return o;
            }
        }
        return null;
    }

    private static double valueIn(Observation o, Set<String> units) {
        if (o == null) {
            return Double.NaN;
        }
        boolean known = units.contains(o.unit()) || units.contains(Integer.toString(o.unitCode()));
        return known ? o.value() : Double.NaN;
    }
}
