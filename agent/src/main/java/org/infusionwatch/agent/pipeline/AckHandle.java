package org.infusionwatch.agent.pipeline;

/**
 * Releases the acknowledgement of one input once its fate is known. Called on the journal thread:
 * implementations must only hand off (write to a Netty channel, complete an MQTT ack), never block.
 */
public interface AckHandle {

    /** The input is durable in the journal under {@code journalSeq}: send the positive acknowledgement. */
    void durable(long journalSeq);

    /** The input could not be made durable: the sender must not be told it was accepted. */
    void failed(Throwable cause);

    /** For inputs nobody waits on (ticks, tests). */
    AckHandle NONE = new AckHandle() {
        @Override
        public void durable(long journalSeq) {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };
}
