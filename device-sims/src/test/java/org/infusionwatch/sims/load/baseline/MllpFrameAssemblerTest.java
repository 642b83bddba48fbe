package org.infusionwatch.sims.load.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.sims.wire.MllpFrames;
import org.junit.jupiter.api.Test;

class MllpFrameAssemblerTest {

    private static byte[] stream(String... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("noise before the first frame".getBytes());
        for (String m : messages) {
            out.writeBytes(MllpFrames.frame(m));
        }
        return out.toByteArray();
    }

    @Test
    void shouldFindEveryFrameWhereverTheReadsSplitTheBytes() throws IOException {
        byte[] bytes = stream("MSH|one\r", "MSH|twö\r", "MSH|three\r");
        for (int cut = 0; cut <= bytes.length; cut++) {
            for (int secondCut = cut; secondCut <= bytes.length; secondCut += 7) {
                MllpFrameAssembler frames = new MllpFrameAssembler(1 << 10);
                List<String> found = new ArrayList<>();
                frames.feed(ByteBuffer.wrap(bytes, 0, cut), found::add);
                frames.feed(ByteBuffer.wrap(bytes, cut, secondCut - cut), found::add);
                frames.feed(ByteBuffer.wrap(bytes, secondCut, bytes.length - secondCut), found::add);

                assertThat(found).as("cut at %d and %d", cut, secondCut)
                        .containsExactly("MSH|one\r", "MSH|twö\r", "MSH|three\r");
            }
        }
    }

    @Test
    void shouldRefuseABrokenEndAndAnOversizeFrame() {
        assertThatThrownBy(() -> new MllpFrameAssembler(1 << 10)
                .feed(ByteBuffer.wrap(new byte[] {0x0B, 'M', 0x1C, 'x'}), m -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("after end block");
        assertThatThrownBy(() -> new MllpFrameAssembler(4).feed(ByteBuffer.wrap(MllpFrames.frame("MSH|too long")), m -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("longer than 4 bytes");
    }
}
