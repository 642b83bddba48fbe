package org.infusionwatch.gateway.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MllpFrameDecoderTest {

    private static final int MAX = 64;
    private static final byte[] MSG_A = ascii("MSH|^~\\&|A|B|||20261122||ORU^R01|A-1|P|2.6\r");
    private static final byte[] MSG_B = ascii("MSH|^~\\&|B|C|||20261122||ORU^R01|B-2|P|2.6\r");

    private MllpFrameDecoder decoder;
    private EmbeddedChannel channel;
    private final List<ByteBuf> written = new ArrayList<>();

    @BeforeEach
    void setUp() {
        decoder = new MllpFrameDecoder(MAX);
        channel = new EmbeddedChannel(decoder);
    }

    @AfterEach
    void releaseAndFinish() {
        assertFalse(channel.finish(), "no frame may be left unread");
        assertThat(written).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
    }

    @Test
    void shouldDecodeWholeFrame() {
        write(frame(MSG_A));

        assertThat(readMessage()).isEqualTo(MSG_A);
        assertThat(decoder.discardedBytes()).isZero();
    }

    @Test
    void shouldDecodeFrameSplitAcrossWrites() {
        byte[] frame = frame(MSG_A);
        write(Arrays.copyOfRange(frame, 0, 10));
        assertThat((Object) channel.readInbound()).isNull();
        write(Arrays.copyOfRange(frame, 10, frame.length - 1));
        assertThat((Object) channel.readInbound()).isNull();
        write(Arrays.copyOfRange(frame, frame.length - 1, frame.length));

        assertThat(readMessage()).isEqualTo(MSG_A);
    }

    @Test
    void shouldDecodeFrameFedByteByByte() {
        for (byte b : concat(frame(MSG_A), frame(MSG_B))) {
            write(new byte[] {b});
        }

        assertThat(readMessage()).isEqualTo(MSG_A);
        assertThat(readMessage()).isEqualTo(MSG_B);
    }

    @Test
    void shouldDecodeTwoFramesInOneBuffer() {
        write(concat(frame(MSG_A), frame(MSG_B)));

        assertThat(readMessage()).isEqualTo(MSG_A);
        assertThat(readMessage()).isEqualTo(MSG_B);
    }

    @Test
    void shouldSkipAndCountGarbageBeforeAndBetweenFrames() {
        write(concat(ascii("noise\r\n"), frame(MSG_A), new byte[] {0x0D, 0x0A, 0x1C, 0x0D}, frame(MSG_B)));

        assertThat(readMessage()).isEqualTo(MSG_A);
        assertThat(readMessage()).isEqualTo(MSG_B);
        assertThat(decoder.discardedBytes()).isEqualTo(7 + 4);
    }

    @Test
    void shouldKeepEndBlockNotFollowedByCarriageReturnAsContent() {
        byte[] payload = concat(ascii("MSH|x"), new byte[] {0x1C, 'y', 0x1C}, ascii("z\r"));
        write(frame(payload));

        assertThat(readMessage()).isEqualTo(payload);
    }

    @Test
    void shouldKeepEndBlockAsContentWhenSplitBeforeTheByteThatFollowsIt() {
        write(concat(new byte[] {0x0B}, ascii("ab"), new byte[] {0x1C}));
        write(concat(ascii("cd"), new byte[] {0x1C}));
        write(new byte[] {0x0D});

        assertThat(readMessage()).isEqualTo(concat(ascii("ab"), new byte[] {0x1C}, ascii("cd")));
    }

    @Test
    void shouldReportOversizeFrameWithItsHeadAndThenDecodeTheNextFrame() {
        byte[] big = filled(300, (byte) 'x');
        byte[] frame = frame(big);
        for (int i = 0; i < frame.length; i += 50) {
            write(Arrays.copyOfRange(frame, i, Math.min(frame.length, i + 50)));
        }
        write(frame(MSG_A));

        MllpFrame.Oversize oversize = (MllpFrame.Oversize) channel.readInbound();
        assertThat(oversize.length()).isEqualTo(300);
        assertThat(oversize.head()).isEqualTo(Arrays.copyOf(big, MAX));
        assertThat(readMessage()).isEqualTo(MSG_A);
    }

    @Test
    void shouldReportOversizeFrameThatArrivesInOneBuffer() {
        byte[] big = filled(MAX + 1, (byte) 'y');
        write(concat(frame(big), frame(MSG_B)));

        MllpFrame.Oversize oversize = (MllpFrame.Oversize) channel.readInbound();
        assertThat(oversize.length()).isEqualTo(MAX + 1);
        assertThat(oversize.head()).hasSize(MAX);
        assertThat(readMessage()).isEqualTo(MSG_B);
    }

    @Test
    void shouldNotBufferOversizeFrameFedByteByByte() {
        byte[] frame = frame(filled(1000, (byte) 'z'));
        for (int i = 0; i < frame.length - 2; i++) {
            write(new byte[] {frame[i]});
        }
        assertThat(decoder.state()).isEqualTo(MllpFrameDecoder.State.DISCARD_OVERSIZE);
        assertThat((Object) channel.readInbound()).isNull();
        write(new byte[] {0x1C});
        write(new byte[] {0x0D});

        MllpFrame.Oversize oversize = (MllpFrame.Oversize) channel.readInbound();
        assertThat(oversize.length()).isEqualTo(1000);
        assertThat(decoder.state()).isEqualTo(MllpFrameDecoder.State.AWAIT_START);
    }

    @Test
    void shouldAcceptFrameOfExactlyTheLimit() {
        byte[] payload = filled(MAX, (byte) 'q');
        write(frame(payload));

        assertThat(readMessage()).isEqualTo(payload);
    }

    @Test
    void shouldDropUnfinishedFrameWhenTheChannelCloses() {
        write(concat(frame(MSG_A), new byte[] {0x0B}, ascii("half")));

        assertThat(readMessage()).isEqualTo(MSG_A);
        assertFalse(channel.finish());
        assertThat(decoder.discardedBytes()).isEqualTo(4);
    }

    @Test
    void shouldRejectNonPositiveLimit() {
        assertThatThrownBy(() -> new MllpFrameDecoder(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxFrameBytes: 0 (expected: > 0)");
    }

    private void write(byte[] bytes) {
        ByteBuf buf = Unpooled.copiedBuffer(bytes);
        written.add(buf);
        channel.writeInbound(buf);
    }

    private byte[] readMessage() {
        Object frame = channel.readInbound();
        assertThat(frame).isInstanceOf(MllpFrame.Message.class);
        return ((MllpFrame.Message) frame).payload();
    }

    static byte[] frame(byte[] payload) {
        return concat(new byte[] {0x0B}, payload, new byte[] {0x1C, 0x0D});
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
