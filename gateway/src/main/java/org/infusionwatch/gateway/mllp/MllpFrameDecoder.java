package org.infusionwatch.gateway.mllp;

import static org.infusionwatch.gateway.mllp.MllpConstants.CARRIAGE_RETURN;
import static org.infusionwatch.gateway.mllp.MllpConstants.END_BLOCK;
import static org.infusionwatch.gateway.mllp.MllpConstants.MAX_HEAD_BYTES;
import static org.infusionwatch.gateway.mllp.MllpConstants.START_BLOCK;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits an MLLP byte stream ({@code 0x0B} message {@code 0x1C 0x0D}) into {@link MllpFrame}s.
 *
 * <ul>
 *   <li>Bytes outside a frame are skipped and counted ({@link #discardedBytes()}).</li>
 *   <li>A {@code 0x1C} not followed by {@code 0x0D} is content, and so is a {@code 0x0B} inside a
 *       frame (a sender cannot start a new frame before ending the current one).</li>
 *   <li>A frame longer than {@code maxFrameBytes} is not buffered: its head is kept, the rest is
 *       skipped up to the end block, and one {@link MllpFrame.Oversize} is emitted in its place, so
 *       the sender still gets exactly one answer per message, in order.</li>
 * </ul>
 *
 * <p>Bad input never raises an exception; it is skipped or reported as oversize. The decoder
 * buffers at most {@code maxFrameBytes} plus what arrived in the last read.
 *
 * <p>Threading: one instance per channel, used on that channel's event loop (it has state, so it
 * is not {@code @Sharable}). {@link #discardedBytes()} may be read from any thread.
 */
public final class MllpFrameDecoder extends ByteToMessageDecoder {

    enum State { AWAIT_START, READ_BODY, DISCARD_OVERSIZE }

    private final int maxFrameBytes;
    private final int headBytes;
    private State state = State.AWAIT_START;
    /** Body bytes already searched for the end block, so a slow frame is not re-scanned. */
    private int scannedBytes;
    private long oversizeLength;
    private byte[] oversizeHead;
    /** Written only on the event loop; volatile so metrics can read it elsewhere. */
    private volatile long discardedBytes;

    /**
     * @param maxFrameBytes the largest payload accepted as a {@link MllpFrame.Message}, framing excluded
     */
    public MllpFrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes: " + maxFrameBytes + " (expected: > 0)");
        }
        this.maxFrameBytes = maxFrameBytes;
        this.headBytes = Math.min(MAX_HEAD_BYTES, maxFrameBytes);
    }

    /** Bytes received outside any frame (and partial frames left when the channel closed). */
    public long discardedBytes() {
        return discardedBytes;
    }

    State state() {
        return state;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean progress = true;
        while (progress && in.isReadable()) {
            progress = switch (state) {
                case AWAIT_START -> awaitStart(in);
                case READ_BODY -> readBody(in, out);
                case DISCARD_OVERSIZE -> discardOversize(in, out);
            };
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        // The channel is closing: an unfinished frame can never be answered, so it is dropped.
        if (state == State.DISCARD_OVERSIZE) {
            discardedBytes += oversizeLength;
        }
        discard(in, in.readableBytes());
        state = State.AWAIT_START;
        scannedBytes = 0;
        oversizeHead = null;
        oversizeLength = 0;
    }

    private boolean awaitStart(ByteBuf in) {
        int start = in.indexOf(in.readerIndex(), in.writerIndex(), START_BLOCK);
        if (start < 0) {
            discard(in, in.readableBytes());
            return false;
        }
        discard(in, start - in.readerIndex());
        in.skipBytes(1);
        state = State.READ_BODY;
        scannedBytes = 0;
        return true;
    }

    private boolean readBody(ByteBuf in, List<Object> out) {
        int bodyStart = in.readerIndex();
        int end = findEnd(in, bodyStart + scannedBytes);
        if (end >= 0) {
            int length = end - bodyStart;
            if (length > maxFrameBytes) {
                out.add(new MllpFrame.Oversize(length, copyHead(in)));
                in.skipBytes(length);
            } else {
                byte[] payload = new byte[length];
                in.readBytes(payload);
                out.add(new MllpFrame.Message(payload));
            }
            in.skipBytes(2);
            state = State.AWAIT_START;
            return true;
        }
        scannedBytes = pendingLength(in, bodyStart);
        if (scannedBytes > maxFrameBytes) {
            oversizeHead = copyHead(in);
            oversizeLength = 0;
            state = State.DISCARD_OVERSIZE;
            return true;
        }
        return false;
    }

    private boolean discardOversize(ByteBuf in, List<Object> out) {
        int from = in.readerIndex();
        int end = findEnd(in, from);
        if (end >= 0) {
            oversizeLength += end - from;
            in.readerIndex(end + 2);
            out.add(new MllpFrame.Oversize(oversizeLength, oversizeHead));
            oversizeHead = null;
            oversizeLength = 0;
            state = State.AWAIT_START;
            return true;
        }
        int skippable = pendingLength(in, from);
        oversizeLength += skippable;
        in.skipBytes(skippable);
        return false;
    }

    /** Index of the end block that is followed by a carriage return, or -1 if not (yet) there. */
    private static int findEnd(ByteBuf in, int from) {
        int limit = in.writerIndex();
        int searchFrom = from;
        while (searchFrom < limit) {
            int fs = in.indexOf(searchFrom, limit, END_BLOCK);
            if (fs < 0 || fs + 1 >= limit) {
                return -1;
            }
            if (in.getByte(fs + 1) == CARRIAGE_RETURN) {
                return fs;
            }
            searchFrom = fs + 1;
        }
        return -1;
    }

    /**
     * Bytes from {@code from} that are certainly body: all readable bytes, except a trailing end
     * block whose carriage return has not arrived yet.
     */
    private static int pendingLength(ByteBuf in, int from) {
        int limit = in.writerIndex();
        boolean trailingEndBlock = limit > from && in.getByte(limit - 1) == END_BLOCK;
        return limit - from - (trailingEndBlock ? 1 : 0);
    }

    private byte[] copyHead(ByteBuf in) {
        byte[] head = new byte[Math.min(headBytes, in.readableBytes())];
        in.getBytes(in.readerIndex(), head);
        return head;
    }

    private void discard(ByteBuf in, int bytes) {
        if (bytes > 0) {
            in.skipBytes(bytes);
            discardedBytes += bytes;
        }
    }
}
