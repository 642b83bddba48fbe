package org.infusionwatch.gateway.mllp;

/**
 * One MLLP frame as read from the wire by {@link MllpFrameDecoder}: either a whole message or the
 * head of a frame that exceeded the size limit. Immutable by convention: the arrays belong to
 * whoever receives the frame and must not be modified after being handed on.
 */
public sealed interface MllpFrame {

    /**
     * A complete frame.
     *
     * @param payload the bytes between the start block and the end block, framing removed
     */
    record Message(byte[] payload) implements MllpFrame {
    }

    /**
     * A frame longer than the decoder's limit. Its body was skipped; only the head was kept.
     *
     * @param length total payload length in bytes, framing excluded
     * @param head   the first bytes of the payload (at most {@link MllpConstants#MAX_HEAD_BYTES}
     *               and at most the decoder's limit), enough to read the MSH segment
     */
    record Oversize(long length, byte[] head) implements MllpFrame {
    }
}
