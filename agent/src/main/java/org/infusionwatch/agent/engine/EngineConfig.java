package org.infusionwatch.agent.engine;

import java.util.Map;
import java.util.Objects;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * What the engine needs to know about the trial and the ward. Immutable.
 *
 * @param profile       the protocol profile whose definitions the rules apply
 * @param studyProduct  recognises the study product's blinded label
 * @param enrolment     bed to trial pseudonym
 * @param resumeGapMs   a study delivery-start this soon after the previous one completed resumes
 *                      that infusion (a syringe change, a paused pump) instead of opening a new one
 * @param weightsKg     bed to patient weight, used for ug/kg/min doses when a pump sends no weight;
 *                      beds not listed have none (such doses are then unknown, never guessed)
 */
public record EngineConfig(ProtocolProfile profile, StudyProductMatcher studyProduct, Enrolment enrolment,
                           long resumeGapMs, Map<BedRef, Double> weightsKg) {
    public static final long DEFAULT_RESUME_GAP_MS = 2 * 3_600_000L;

    public EngineConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(studyProduct, "studyProduct");
        Objects.requireNonNull(enrolment, "enrolment");
        weightsKg = Map.copyOf(weightsKg);
    }

    /** Without configured weights. */
    public EngineConfig(ProtocolProfile profile, StudyProductMatcher studyProduct, Enrolment enrolment, long resumeGapMs) {
        this(profile, studyProduct, enrolment, resumeGapMs, Map.of());
    }

    public static EngineConfig defaults(ProtocolProfile profile, Enrolment enrolment) {
        return new EngineConfig(profile, StudyProductMatcher.defaults(), enrolment, DEFAULT_RESUME_GAP_MS);
    }

    /** The same configuration with these patient weights. */
    public EngineConfig withWeights(Map<BedRef, Double> bedWeightsKg) {
        return new EngineConfig(profile, studyProduct, enrolment, resumeGapMs, bedWeightsKg);
    }

    /** The configured weight of the patient in {@code bed}, NaN when none. */
    public double weightKgOf(BedRef bed) {
        Double w = weightsKg.get(bed);
        return w == null ? Double.NaN : w;
    }
}
