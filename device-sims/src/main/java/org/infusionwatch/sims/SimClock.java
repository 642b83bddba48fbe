package org.infusionwatch.sims;

import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Simulated time: starts at {@code simStart} and runs {@code speed} times faster than the
 * monotonic time source it reads (60 = one sim hour per wall minute).
 *
 * <p>Tests pass a hand-driven {@link LongSupplier} to move time deterministically.
 *
 * <p>Threading: thread-safe if the time source is.
 */
public final class SimClock {

    private final long simStartMs;
    private final double speed;
    private final LongSupplier nanoTime;
    private final long originNanos;

    /**
     * @param simStart the sim time now
     * @param speed    sim milliseconds per source millisecond, > 0
     * @param nanoTime a monotonic nanosecond source such as {@code System::nanoTime}; read once
     *                 now as the origin
     */
    public SimClock(Instant simStart, double speed, LongSupplier nanoTime) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed: " + speed + " (expected: > 0)");
        }
        this.simStartMs = simStart.toEpochMilli();
        this.speed = speed;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.originNanos = nanoTime.getAsLong();
    }

    /** A clock on {@link System#nanoTime()}. */
    public static SimClock realTime(Instant start, double speed) {
        return new SimClock(start, speed, System::nanoTime);
    }

    /** The sim time now, epoch milliseconds. */
    public long nowMillis() {
        long elapsedNanos = nanoTime.getAsLong() - originNanos;
        return simStartMs + (long) (elapsedNanos / 1_000_000.0 * speed);
    }

    public Instant simStart() {
        return Instant.ofEpochMilli(simStartMs);
    }

    public double speed() {
        return speed;
    }
}
