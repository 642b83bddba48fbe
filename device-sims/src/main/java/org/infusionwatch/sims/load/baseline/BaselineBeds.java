package org.infusionwatch.sims.load.baseline;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which report raises each load bed's alert, for the baseline gateway. Beds are told apart by
 * name alone, as the load's beds all sit in one unit. It does not read the
 * vital signs: it is told how long after its first report a load bed's alert falls due (the load
 * scenario's script) and raises it on the first report at or after that event time. Beds'
 * devices report on several connections and threads at once, so each bed's state is guarded on
 * its own.
 */
final class BaselineBeds {
    private final long alertAfterMs;
    private final ConcurrentHashMap<String, Bed> beds = new ConcurrentHashMap<>();

    /** @param alertAfterMs event time from a bed's first report to the report that raises its alert */
    BaselineBeds(long alertAfterMs) {
        this.alertAfterMs = alertAfterMs;
    }

    /**
     * Notes a report of {@code bed} at {@code eventMs}; true exactly once per bed, for the first
     * report at or after its alert's time.
     */
    boolean raisesAlert(String bed, long eventMs) {
        return beds.computeIfAbsent(bed, b -> new Bed(eventMs)).raisesAlert(eventMs, alertAfterMs);
    }

    /** The alert {@link #raisesAlert} gave for {@code bed} did not go out: the bed's next report raises it. */
    void notRaised(String bed) {
        Bed b = beds.get(bed);
        if (b != null) {
            b.notRaised();
        }
    }

    private static final class Bed {
        private long firstEventMs;
        private boolean alerted;

        Bed(long firstEventMs) {
            this.firstEventMs = firstEventMs;
        }

        synchronized boolean raisesAlert(long eventMs, long alertAfterMs) {
            firstEventMs = Math.min(firstEventMs, eventMs);
            if (alerted || eventMs - firstEventMs < alertAfterMs) {
                return false;
            }
            alerted = true;
            return true;
        }

        synchronized void notRaised() {
            alerted = false;
        }
    }
}
