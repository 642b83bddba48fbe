package org.infusionwatch.gateway.view;

import java.util.List;

/**
 * A bed's values over a time range, for the coordinator's chart of an event. Immutable.
 *
 * @param bedKey  {@code unit/bed}
 * @param fromMs  start of the range (agent clock)
 * @param toMs    end of the range
 * @param series  one entry per signal that has values in the range
 */
public record Timeline(String bedKey, long fromMs, long toMs, List<Series> series) {

    /** One signal's samples: {@code times[i]} (epoch ms) and {@code values[i]}. */
    public record Series(String signal, String label, String unit, long[] times, double[] values) {
    }
}
