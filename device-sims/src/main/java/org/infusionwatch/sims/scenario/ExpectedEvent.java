package org.infusionwatch.sims.scenario;

import java.util.Objects;

/**
 * An event the scenario should make the detection engine raise, for benchmarking detection.
 *
 * @param code     event code, e.g. {@code HYPOXEMIA_WORSENING}
 * @param offsetMs when its onset is, relative to the scenario start
 */
public record ExpectedEvent(String code, long offsetMs) {

    public ExpectedEvent {
        Objects.requireNonNull(code, "code");
        if (offsetMs < 0) {
            throw new IllegalArgumentException("offsetMs: " + offsetMs + " (expected: >= 0)");
        }
    }
}
