package org.infusionwatch.gateway.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class MllpFrameEncoderTest {

    @Test
    void shouldWrapPayloadInStartAndEndBlocks() {
        EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameEncoder());
        byte[] ack = MllpFrameDecoderTest.ascii("MSH|^~\\&|INFUSIONWATCH\rMSA|AA|X-1\r");

        channel.writeOutbound((Object) ack);
        ByteBuf out = channel.readOutbound();

        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(MllpFrameDecoderTest.frame(ack));
        out.release();
        assertFalse(channel.finish());
    }

    @Test
    void shouldRoundTripThroughTheDecoder() {
        EmbeddedChannel encoder = new EmbeddedChannel(new MllpFrameEncoder());
        EmbeddedChannel decoder = new EmbeddedChannel(new MllpFrameDecoder(1024));
        byte[] payload = MllpFrameDecoderTest.ascii("MSH|^~\\&|A\r");

        encoder.writeOutbound((Object) payload);
        ByteBuf wire = encoder.readOutbound();
        decoder.writeInbound(wire);
        MllpFrame.Message frame = decoder.readInbound();

        assertThat(frame.payload()).isEqualTo(payload);
        assertThat(wire.refCnt()).isZero();
        assertFalse(encoder.finish());
        assertFalse(decoder.finish());
    }

    @Test
    void shouldPassOtherMessagesThrough() {
        EmbeddedChannel channel = new EmbeddedChannel(new MllpFrameEncoder());
        ByteBuf raw = Unpooled.wrappedBuffer(new byte[] {1, 2});

        channel.writeOutbound(raw);
        ByteBuf out = channel.readOutbound();

        assertThat(out).isSameAs(raw);
        out.release();
        assertFalse(channel.finish());
    }
}
