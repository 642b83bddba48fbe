package org.infusionwatch.gateway.view;

import java.util.Map;
import java.util.Objects;
import org.infusionwatch.agent.engine.StudyProductMatcher;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.protocol.VasopressorDefinition;

/**
 * What the ward view needs to know beyond its input: the enrolled beds and their pseudonyms, the
 * protocol's windows, how to recognise (and so mask) the blinded study product, and how long
 * value history is kept for charts. Immutable.
 *
 * @param protocol        protocol profile name, shown on the pages
 * @param windowMs        window after each onset (6 h)
 * @param longWindowMs    window for cardiac arrest and death (24 h)
 * @param enrolment       bed → pseudonym; these beds show even before a device reports
 * @param studyProduct    recognises the study product's (blinded) pump label
 * @param vasopressors    the protocol's vasopressor table: which pumps show a dose, and in which unit
 * @param historyMs       how long chart values are kept (in {@code trends.db}), behind the newest
 */
public record WardLayout(String protocol, long windowMs, long longWindowMs, Map<BedRef, String> enrolment,
                         StudyProductMatcher studyProduct, VasopressorDefinition vasopressors, long historyMs) {

    /** Three days: the charts cover T0 - 1 h to T0 + 6 h of any infusion of the last days. */
    public static final long DEFAULT_HISTORY_MS = 72 * 3_600_000L;

    public WardLayout {
        Objects.requireNonNull(protocol, "protocol");
        enrolment = Map.copyOf(enrolment);
        Objects.requireNonNull(studyProduct, "studyProduct");
        Objects.requireNonNull(vasopressors, "vasopressors");
        if (windowMs <= 0 || longWindowMs < windowMs) {
            throw new IllegalArgumentException("windows must be positive and the long one not shorter, were "
                    + windowMs + " and " + longWindowMs + " ms");
        }
        if (historyMs <= 0) {
            throw new IllegalArgumentException("historyMs must be positive, was " + historyMs);
        }
    }
}
