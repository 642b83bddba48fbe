package org.infusionwatch.gateway.alertmanager;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.mllp.MllpFrame;
import org.infusionwatch.gateway.mllp.MllpFrameDecoder;
import org.infusionwatch.gateway.mllp.MllpFrameEncoder;

/**
 * One MLLP connection to the alert manager: {@link #send} writes a message, {@link #nextFrame}
 * waits for a frame from the alert manager, which the caller matches to its message (an alert
 * manager may answer one message twice, CA then AA, and the second must not be taken for the next
 * message's answer). Connects when first needed and again after any failure; frames left from an
 * earlier connection are dropped with it.
 *
 * <p>Not thread-safe: the forwarder's thread is its only caller. Netty's own thread
 * ({@code alert-manager-io}) only queues what arrives.
 */
final class AlertManagerLink implements AutoCloseable {
    /** An ACK is a few hundred bytes; anything this long is not one. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final String host;
    private final int port;
    private final long timeoutMs;
    private final EventLoopGroup group;
    /** The current connection; volatile as Netty's thread checks that a frame comes from it. */
    private volatile Channel channel;
    /** Frames received on the current connection, or the reason it ended; filled on Netty's thread. */
    private final BlockingQueue<Object> inbound = new LinkedBlockingQueue<>();

    /** @param timeoutMs how long a connection, and then an answer, may take */
    AlertManagerLink(String host, int port, long timeoutMs) {
        this.host = host;
        this.port = port;
        this.timeoutMs = timeoutMs;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("alert-manager-io", true),
                NioIoHandler.newFactory());
    }

    /** Writes one framed message, connecting first if need be. */
    void send(byte[] message) throws IOException {
        Channel ch = connected();
        ChannelFuture written = ch.writeAndFlush(message);
        if (!written.awaitUninterruptibly(timeoutMs) || !written.isSuccess()) {
            disconnect();
            throw new IOException("cannot write to the alert manager"
                    + (written.cause() == null ? " within " + timeoutMs + " ms" : ": " + written.cause().getMessage()));
        }
    }

    /**
     * The payload of the next frame from the alert manager, waiting until {@code deadlineNanos}
     * ({@link System#nanoTime()}); a connection that ends or a deadline that passes first is an
     * {@link IOException}, and the connection is closed.
     */
    byte[] nextFrame(long deadlineNanos) throws IOException, InterruptedException {
        Object next = inbound.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (next instanceof byte[] payload) {
            return payload;
        }
        disconnect();
        if (next instanceof IOException e) {
            throw e;
        }
        throw new IOException("no answer from the alert manager within " + timeoutMs + " ms");
    }

    /** Checks that the alert manager takes connections, connecting if there is no open connection. */
    void probe() throws IOException {
        connected();
    }

    /** The time an answer may take, from the write. */
    long timeoutMs() {
        return timeoutMs;
    }

    private Channel connected() throws IOException {
        if (channel != null && channel.isActive()) {
            return channel;
        }
        disconnect();
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new MllpFrameDecoder(MAX_ANSWER_BYTES), new MllpFrameEncoder(), new Answers());
                    }
                });
        ChannelFuture f = b.connect(host, port);
        // Bounded: the connect timeout starts only once the name is resolved.
        if (!f.awaitUninterruptibly(timeoutMs)) {
            f.cancel(false);
            f.channel().close();
            throw new IOException("cannot connect to the alert manager at " + host + ":" + port + " within "
                    + timeoutMs + " ms");
        }
        if (!f.isSuccess()) {
            throw new IOException("cannot connect to the alert manager at " + host + ":" + port + ": "
                    + f.cause().getMessage(), f.cause());
        }
        inbound.clear();
        channel = f.channel();
        return channel;
    }

    private void disconnect() {
        if (channel != null) {
            channel.close().awaitUninterruptibly(timeoutMs);
            channel = null;
        }
        inbound.clear();
    }

    @Override
    public void close() {
        disconnect();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Queues each frame from the alert manager, and the end of the connection. */
    private final class Answers extends SimpleChannelInboundHandler<MllpFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MllpFrame frame) {
            if (ctx.channel() != channel) {
                return; // a connection given up on
            }
            if (frame instanceof MllpFrame.Message m) {
                inbound.add(m.payload());
            } else {
                inbound.add(new IOException("the alert manager sent a frame longer than " + MAX_ANSWER_BYTES + " bytes"));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() != channel) {
                return;
            }
            inbound.add(new IOException("the alert manager closed the connection"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ctx.channel() == channel) {
                inbound.add(new IOException("alert manager connection failed: " + cause.getMessage(), cause));
            }
            ctx.close();
        }
    }
}
