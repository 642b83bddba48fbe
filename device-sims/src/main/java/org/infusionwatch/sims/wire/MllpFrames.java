package org.infusionwatch.sims.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MLLP (HL7 minimal lower layer protocol, release 1) framing: {@code 0x0B} message
 * {@code 0x1C 0x0D}. Messages are UTF-8, as MSH-18 declares.
 */
public final class MllpFrames {

    public static final byte START_BLOCK = 0x0B;
    public static final byte END_BLOCK = 0x1C;
    public static final byte CARRIAGE_RETURN = 0x0D;

    private MllpFrames() {
    }

    /** The framed bytes of {@code message}. */
    public static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[body.length + 3];
        framed[0] = START_BLOCK;
        System.arraycopy(body, 0, framed, 1, body.length);
        framed[body.length + 1] = END_BLOCK;
        framed[body.length + 2] = CARRIAGE_RETURN;
        return framed;
    }

    /** Writes {@code message} framed to {@code out}, without a framed copy of it. */
    public static void write(OutputStream out, String message) throws IOException {
        out.write(START_BLOCK);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(END_BLOCK);
        out.write(CARRIAGE_RETURN);
    }
}
