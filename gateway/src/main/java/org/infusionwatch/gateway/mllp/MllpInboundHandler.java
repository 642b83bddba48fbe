package org.infusionwatch.gateway.mllp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.atomic.AtomicLong;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.pipeline.AckHandle;
import org.infusionwatch.agent.pipeline.InboundPublisher;
import org.infusionwatch.agent.pipeline.InputSource;
import org.infusionwatch.gateway.DeviceDirectory;
import org.infusionwatch.gateway.hl7.AckCode;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.fast.FastPcdDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device (or charting-system) connection: decodes each frame, places a device report at its
 * bed and puts it, or a clinician entry, into the ring. The HL7 ACK (AA, or AE/AR with the reason) is written only when the journal says the
 * message is durable; refused messages are journaled too, for inspection. If the journal cannot
 * store a message the connection is closed without an ACK, so the device sends it again.
 *
 * <p>One instance per channel (it owns a decoder, byte-level with HAPI behind it, which is not
 * thread-safe).
 */
public final class MllpInboundHandler extends SimpleChannelInboundHandler<MllpFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(MllpInboundHandler.class);

    private final FastPcdDecoder decoder;
    private final DeviceDirectory devices;
    private final InboundPublisher publisher;
    private final AtomicLong refusedCounter;
    private InputSource source;

    public MllpInboundHandler(FastPcdDecoder decoder, DeviceDirectory devices, InboundPublisher publisher,
                              AtomicLong refusedCounter) {
        this.decoder = decoder;
        this.devices = devices;
        this.publisher = publisher;
        this.refusedCounter = refusedCounter;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        source = new InputSource(InputSource.Format.HL7_MLLP, "mllp:" + ctx.channel().remoteAddress());
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MllpFrame frame) {
        byte[] raw;
        Hl7Decoded decoded;
        if (frame instanceof MllpFrame.Message m) {
            raw = m.payload();
            decoded = decoder.decode(raw);
        } else {
            MllpFrame.Oversize o = (MllpFrame.Oversize) frame;
            raw = o.head();
            decoded = decoder.oversize(o.length(), o.head());
        }
        if (decoded.accepted() && !decoded.isEntry()) {
            decoded = placeAtBed(decoded);
        }
        AckHandle ack = new ChannelAck(ctx.channel(), decoded.ack());
        if (decoded.isEntry()) {
            // A charting system's entry names its bed in PV1-3 (the decoder refuses it otherwise).
            publisher.publishEntry(decoded.entry(), source, raw, ack);
        } else if (decoded.accepted()) {
            DeviceReport report = decoded.report();
            publisher.publishReport(report, source, raw, ack);
        } else {
            long n = refusedCounter.incrementAndGet();
            LOG.warn("HL7 message {} refused with {} ({} refused so far): {}", decoded.controlId(), decoded.ackCode(), n,
                    decoded.reason());
            publisher.publishRejected(source, raw, decoded.ackCode() + " " + decoded.reason(), ack);
        }
    }

    private Hl7Decoded placeAtBed(Hl7Decoded decoded) {
        DeviceReport placed = devices.placed(decoded.report());
        if (placed == null) {
            return decoder.refuse(decoded, AckCode.AE, "no bed: PV1-3 is empty and device "
                    + decoded.report().deviceId() + " is not in the device table", "PV1^1^3");
        }
        return placed == decoded.report() ? decoded : new Hl7Decoded(decoded.controlId(), decoded.messageType(), placed,
                null, decoded.ackCode(), decoded.reason(), decoded.errorLocation(), decoded.ack(), decoded.header());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("MLLP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** Writes the prepared ACK once the message is durable; closes the connection when it is not. */
    private static final class ChannelAck implements AckHandle {
        private final Channel channel;
        private final byte[] ack;

        ChannelAck(Channel channel, byte[] ack) {
            this.channel = channel;
            this.ack = ack;
        }

        @Override
        public void durable(long journalSeq) {
            // No promise per ACK: a write that fails reaches exceptionCaught, which logs it and
            // closes the connection, and the device sends the message again.
            channel.writeAndFlush(ack, channel.voidPromise());
        }

        @Override
        public void failed(Throwable cause) {
            channel.close();
        }
    }
}
