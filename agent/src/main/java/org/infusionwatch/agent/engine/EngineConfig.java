package org.infusionwatch.agent.engine;

import java.util.Objects;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * What the engine needs to know about the trial and the ward. Immutable.
 *
 * @param profile       the protocol profile whose definitions the rules apply
 * @param studyProduct  recognises the study product's blinded label
 * @param enrolment     bed to trial pseudonym
 * @param resumeGapMs   a study delivery-start this soon after the previous one completed resumes
 *                      that infusion (a syringe change, a paused pump) instead of opening a new one
 */
public record EngineConfig(ProtocolProfile profile, StudyProductMatcher studyProduct, Enrolment enrolment, long resumeGapMs) {
    public static final long DEFAULT_RESUME_GAP_MS = 2 * 3_600_000L;

    public EngineConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(studyProduct, "studyProduct");
        Objects.requireNonNull(enrolment, "enrolment");
    }

    public static EngineConfig defaults(ProtocolProfile profile, Enrolment enrolment) {
        return new EngineConfig(profile, StudyProductMatcher.defaults(), enrolment, DEFAULT_RESUME_GAP_MS);
    }
}
