package org.infusionwatch.sims.scenario;

import java.util.Objects;
import java.util.Set;

/**
 * An event the scenario should make the detection engine raise, for benchmarking detection.
 *
 * @param code     event code, e.g. {@code HYPOXEMIA_WORSENING}
 * @param offsetMs when its onset is, relative to the scenario start
 * @param profiles the protocol profiles that define it (e.g. only {@code LANZONI} for FiO2 alone);
 *                 empty = every profile
 */
public record ExpectedEvent(String code, long offsetMs, Set<String> profiles) {

    public ExpectedEvent {
        Objects.requireNonNull(code, "code");
        if (offsetMs < 0) {
            throw new IllegalArgumentException("offsetMs: " + offsetMs + " (expected: >= 0)");
        }
        profiles = Set.copyOf(profiles);
    }

    /** Expected under every profile. */
    public ExpectedEvent(String code, long offsetMs) {
        this(code, offsetMs, Set.of());
    }

    /** True when the profile named {@code profile} should raise it. */
    public boolean appliesTo(String profile) {
        return profiles.isEmpty() || profiles.contains(profile);
    }
}
