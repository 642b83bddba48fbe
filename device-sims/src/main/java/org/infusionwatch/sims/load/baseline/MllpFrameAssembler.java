package org.infusionwatch.sims.load.baseline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.infusionwatch.sims.wire.MllpFrames;

/**
 * Cuts one connection's bytes into MLLP frames, however the reads split them: bytes before a
 * start block are skipped, a frame ends with {@code 0x1C 0x0D}. Not thread-safe; one per
 * connection.
 */
final class MllpFrameAssembler {
    private final int maxFrameBytes;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(1024);
    private boolean inFrame;
    private boolean afterEndBlock;

    MllpFrameAssembler(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Takes every byte left in {@code bytes} and hands each frame it completes to {@code onFrame},
     * in order, as UTF-8 text without its framing.
     *
     * @throws IOException on a byte other than CR after an end block, or a frame over the limit
     */
    void feed(ByteBuffer bytes, Consumer<String> onFrame) throws IOException {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (afterEndBlock) {
                if (b != MllpFrames.CARRIAGE_RETURN) {
                    throw new IOException(String.format("byte after end block: 0x%02X (expected: 0x0D)", b));
                }
                afterEndBlock = false;
                inFrame = false;
                String message = frame.toString(StandardCharsets.UTF_8);
                frame.reset();
                onFrame.accept(message);
            } else if (!inFrame) {
                inFrame = b == MllpFrames.START_BLOCK;
            } else if (b == MllpFrames.END_BLOCK) {
                afterEndBlock = true;
            } else if (frame.size() >= maxFrameBytes) {
                throw new IOException("frame longer than " + maxFrameBytes + " bytes");
            } else {
                frame.write(b);
            }
        }
    }
}
