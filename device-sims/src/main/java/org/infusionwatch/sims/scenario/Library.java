package org.infusionwatch.sims.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Shorthands the scenario groups share. Stateless. */
final class Library {
    static final String START = "START";
    static final String LANZONI = "LANZONI";
    static final String STROMA = "STROMA";
    static final String NORAD = "Noradrenaline 8 mg/50 mL";
    /** 8 mg/50 mL. */
    static final double NORAD_MG_PER_ML = 0.16;

    private Library() {
    }

    static Duration min(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    static Duration hours(double hours) {
        return Duration.ofMillis(Math.round(hours * 3_600_000));
    }

    /** Noradrenaline 8 mg/50 mL: the rate (mL/h) for {@code ugPerMin}. */
    static double noradRate(double ugPerMin) {
        return ugPerMin * 60 / (NORAD_MG_PER_ML * 1000);
    }

    static void put(Map<String, Supplier<Scenario>> library, String name, Supplier<Scenario> scenario) {
        if (library.putIfAbsent(name, scenario) != null) {
            throw new IllegalStateException("two scenarios named " + name);
        }
    }
}
