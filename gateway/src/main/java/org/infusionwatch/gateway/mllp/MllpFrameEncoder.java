package org.infusionwatch.gateway.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a message as one MLLP frame: {@code 0x0B} + payload + {@code 0x1C 0x0D}. The payload is
 * written as is (an HL7 message with {@code \r}-terminated segments, already in its charset).
 *
 * <p>Stateless, so one instance may be shared by all channels.
 */
@ChannelHandler.Sharable
public final class MllpFrameEncoder extends MessageToByteEncoder<byte[]> {

    private static final int FRAMING_BYTES = 3;

    public MllpFrameEncoder() {
        super(byte[].class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, byte[] msg, boolean preferDirect) {
        int size = msg.length + FRAMING_BYTES;
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, byte[] msg, ByteBuf out) {
        out.writeByte(MllpConstants.START_BLOCK);
        out.writeBytes(msg);
        out.writeByte(MllpConstants.END_BLOCK);
        out.writeByte(MllpConstants.CARRIAGE_RETURN);
    }
}
