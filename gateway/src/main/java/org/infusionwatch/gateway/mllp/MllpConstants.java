package org.infusionwatch.gateway.mllp;

/**
 * The bytes of HL7 MLLP release 1 framing: {@code <VT> message <FS><CR>}. Constants only; safe
 * from any thread.
 */
public final class MllpConstants {

    /** Start block, vertical tab. */
    public static final byte START_BLOCK = 0x0B;

    /** End block, file separator; ends a frame only when followed by {@link #CARRIAGE_RETURN}. */
    public static final byte END_BLOCK = 0x1C;

    /** Carriage return, the last byte of a frame (and the HL7 segment terminator). */
    public static final byte CARRIAGE_RETURN = 0x0D;

    /** How much of an oversize frame is kept so the message can still be identified and journaled. */
    public static final int MAX_HEAD_BYTES = 64 * 1024;

    private MllpConstants() {
    }
}
