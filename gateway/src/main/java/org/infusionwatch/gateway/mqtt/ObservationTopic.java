package org.infusionwatch.gateway.mqtt;

import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.BedRefCache;

/**
 * The bed and device an observation topic {@code icu/{unit}/{bed}/{device}/obs} names.
 *
 * <p>Read by hand rather than with {@link Topics#levels} (which splits into an array and a list
 * for every message) but refused with the same reasons in the same cases: the wrong number of
 * levels, a first level other than {@code icu} or a last other than {@code obs}, then an empty level.
 */
record ObservationTopic(BedRef bed, String device) {
    private static final String MISMATCH = "topic does not match icu/{unit}/{bed}/{device}/obs";

    /** Reads the topic, taking the bed from {@code beds} (one reference per bed). */
    static ObservationTopic parse(String topic, BedRefCache beds) throws PayloadException {
        int first = topic.indexOf('/');
        int second = first < 0 ? -1 : topic.indexOf('/', first + 1);
        int third = second < 0 ? -1 : topic.indexOf('/', second + 1);
        int fourth = third < 0 ? -1 : topic.indexOf('/', third + 1);
        if (fourth < 0 || topic.indexOf('/', fourth + 1) >= 0
                || first != 3 || !topic.startsWith("icu") || !topic.startsWith("obs", fourth + 1)
                || topic.length() != fourth + 4) {
            throw new PayloadException(MISMATCH);
        }
        if (second == first + 1 || third == second + 1 || fourth == third + 1) {
            throw new PayloadException("topic has an empty level");
        }
        BedRef bed = beds.get(topic, first + 1, second, second + 1, third);
        return new ObservationTopic(bed, topic.substring(third + 1, fourth));
    }
}
