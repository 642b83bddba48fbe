package org.infusionwatch.sims.wire;

/**
 * Timeouts and limits of an {@link MllpClient}.
 *
 * @param connectTimeoutMs  how long a TCP connect may take
 * @param readTimeoutMs     how long to wait for an ACK before giving up on the connection
 * @param initialBackoffMs  the wait before the first reconnect; doubles on each further failure
 * @param maxBackoffMs      the longest wait between reconnects
 * @param maxFrameBytes     the largest ACK accepted
 * @param closeGraceMs      how long {@link MllpClient#close()} lets queued messages drain
 */
public record MllpClientOptions(
        int connectTimeoutMs,
        int readTimeoutMs,
        long initialBackoffMs,
        long maxBackoffMs,
        int maxFrameBytes,
        long closeGraceMs) {

    /** Connect 3 s, ACK 10 s, backoff 200 ms doubling to 5 s, ACKs up to 1 MiB, close grace 2 s. */
    public static final MllpClientOptions DEFAULTS = new MllpClientOptions(3_000, 10_000, 200, 5_000, 1 << 20, 2_000);

    public MllpClientOptions {
        if (connectTimeoutMs <= 0 || readTimeoutMs <= 0) {
            throw new IllegalArgumentException("timeouts must be > 0: connect " + connectTimeoutMs
                    + " ms, read " + readTimeoutMs + " ms");
        }
        if (initialBackoffMs <= 0 || maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException("backoff: " + initialBackoffMs + ".." + maxBackoffMs
                    + " ms (expected: 0 < initial <= max)");
        }
        if (maxFrameBytes <= 0 || closeGraceMs < 0) {
            throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + ", closeGraceMs: " + closeGraceMs);
        }
    }
}
