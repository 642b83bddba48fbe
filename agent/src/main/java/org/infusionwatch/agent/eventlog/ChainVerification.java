package org.infusionwatch.agent.eventlog;

/**
 * Outcome of checking the event log's hash chain.
 *
 * @param rows          rows checked
 * @param firstBrokenSeq sequence number of the first row whose hash or link does not hold, or -1
 * @param problem       what is wrong with that row, or null when the chain holds
 */
public record ChainVerification(long rows, long firstBrokenSeq, String problem) {

    public boolean intact() {
        return firstBrokenSeq < 0;
    }
}
