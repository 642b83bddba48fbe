package org.infusionwatch.sims.load;

/**
 * The alert latencies a load run records: from when the completing message was due (the target's
 * figure), and from when the driver put it on the wire, per transport.
 */
record AlertLatencies(LatencyStats fromDue, LatencyStats fromWireMllp, LatencyStats fromWireMqtt) {
    AlertLatencies() {
        this(new LatencyStats(), new LatencyStats(), new LatencyStats());
    }
}
