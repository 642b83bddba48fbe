package org.infusionwatch.sims.wire;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads MLLP frames from a blocking stream: skips bytes before a start block, collects until
 * {@code 0x1C 0x0D}, and refuses frames over a size limit.
 *
 * <p>Threading: not thread-safe; one reader per connection, used by its connection's thread.
 */
public final class MllpFrameReader {

    private enum State { SEEK_START, IN_MESSAGE, AFTER_END_BLOCK }

    private final InputStream in;
    private final int maxFrameBytes;

    /**
     * @param in            a buffered stream (this reads byte by byte)
     * @param maxFrameBytes the largest message accepted, without framing
     */
    public MllpFrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Blocks until a whole frame has arrived and returns its message.
     *
     * @throws EOFException if the peer closes the connection first
     * @throws IOException  on an oversize or malformed frame, or an I/O failure or timeout
     */
    public String readFrame() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream(256);
        State state = State.SEEK_START;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed " + (state == State.SEEK_START
                        ? "before a frame" : "inside a frame after " + message.size() + " bytes"));
            }
            switch (state) {
                case SEEK_START -> {
                    if (b == MllpFrames.START_BLOCK) {
                        state = State.IN_MESSAGE;
                    }
                }
                case IN_MESSAGE -> {
                    if (b == MllpFrames.END_BLOCK) {
                        state = State.AFTER_END_BLOCK;
                    } else if (b == MllpFrames.START_BLOCK) {
                        throw new IOException("start block inside a frame after " + message.size() + " bytes");
                    } else {
                        if (message.size() >= maxFrameBytes) {
                            throw new IOException("frame length: > " + maxFrameBytes
                                    + " bytes (expected: <= " + maxFrameBytes + ")");
                        }
                        message.write(b);
                    }
                }
                case AFTER_END_BLOCK -> {
                    if (b != MllpFrames.CARRIAGE_RETURN) {
                        throw new IOException(String.format("byte after end block: 0x%02X (expected: 0x0D)", b));
                    }
                    return message.toString(StandardCharsets.UTF_8);
                }
                default -> throw new AssertionError(state);
            }
        }
    }
}
