package org.infusionwatch.sims.load;

/**
 * When each load bed starts, so that the beds' starts spread evenly over the stagger and no two
 * beds share an instant of the report period.
 *
 * <p>Real devices share no clock: each reports at its own phase of the second. Starting bed
 * {@code i} of {@code n} at {@code i × spread / n} alone spreads the starts, and so the alerts,
 * evenly over the run, but it puts the beds on only a few phases (30 ms apart over 1 s: 100
 * phases of 20 beds each), and the driver then renders and sends 20 beds' messages at the same
 * instant, the last of them a millisecond late. So the beds that would share a phase are moved
 * apart inside the gap to the next phase: bed {@code i} starts at
 * {@code i × g + floor(i / m) × (gcd / k)}, where {@code g} is the gap between starts, {@code gcd}
 * the greatest common divisor of {@code g} and the period, {@code m = period / gcd} the phases the
 * plain starts fall on and {@code k} the beds on each. Starts stay in order and at least {@code g}
 * apart, and every bed has a phase of its own as long as there are fewer beds than nanoseconds in
 * {@code gcd}.
 */
final class BedPhases {
    private final long gapNanos;
    private final long phases;
    private final long shiftNanos;

    /**
     * @param beds         beds in the run
     * @param spreadNanos  over how long their starts spread
     * @param periodNanos  how often each bed reports
     */
    BedPhases(int beds, long spreadNanos, long periodNanos) {
        if (beds < 1 || spreadNanos < 0 || periodNanos < 1) {
            throw new IllegalArgumentException("beds " + beds + ", spread " + spreadNanos + " ns, period " + periodNanos + " ns");
        }
        gapNanos = spreadNanos / beds;
        long gcd = gcd(gapNanos, periodNanos);
        phases = periodNanos / gcd;
        long perPhase = (beds + phases - 1) / phases;
        shiftNanos = gcd / perPhase;
    }

    /** When bed {@code i} (0-based) starts, in nanoseconds after the run's start. */
    long startNanos(int i) {
        return i * gapNanos + (i / phases) * shiftNanos;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
