package org.infusionwatch.sims.load;

/**
 * The alert latencies a load run records: from when the completing message was due (the target's
 * figure), the same for the alerts due once every bed was running (the load at its full rate,
 * after the ramp of bed starts), and from when the driver put the message on the wire, per
 * transport.
 *
 * @param fullLoadFromNanos elapsed run time from which every bed has started
 */
record AlertLatencies(long fullLoadFromNanos, LatencyStats fromDue, LatencyStats fromDueAtFullLoad,
                      LatencyStats fromWireMllp, LatencyStats fromWireMqtt) {
    AlertLatencies(long fullLoadFromNanos) {
        this(fullLoadFromNanos, new LatencyStats(), new LatencyStats(), new LatencyStats(), new LatencyStats());
    }

    /** An alert whose completing message was due {@code dueElapsedNanos} into the run. */
    void recordFromDue(long dueElapsedNanos, long latencyNanos) {
        fromDue.record(latencyNanos);
        if (dueElapsedNanos >= fullLoadFromNanos) {
            fromDueAtFullLoad.record(latencyNanos);
        }
    }
}
