package org.infusionwatch.agent.engine;

import java.util.Map;
import org.infusionwatch.agent.model.BedRef;

/**
 * Which trial pseudonym occupies which bed. The agent never derives a pseudonym from hospital
 * identifiers; a bed nobody enrolled shows as {@code UNENROLLED}.
 */
public final class Enrolment {
    public static final String UNENROLLED = "UNENROLLED";

    private final Map<BedRef, String> pseudonyms;

    public Enrolment(Map<BedRef, String> pseudonyms) {
        this.pseudonyms = Map.copyOf(pseudonyms);
    }

    public static Enrolment none() {
        return new Enrolment(Map.of());
    }

    public String pseudonymOf(BedRef bed) {
        return pseudonyms.getOrDefault(bed, UNENROLLED);
    }
}
