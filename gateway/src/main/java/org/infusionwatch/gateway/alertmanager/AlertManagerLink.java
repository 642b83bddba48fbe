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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.infusionwatch.gateway.mllp.MllpFrame;
import org.infusionwatch.gateway.mllp.MllpFrameDecoder;
import org.infusionwatch.gateway.mllp.MllpFrameEncoder;

/**
 * One MLLP connection to the alert manager, used one message at a time: {@link #exchange} sends a
 * message and waits for the frame that answers it. Connects when first needed and again after any
 * failure; a message whose answer does not come in time, or whose connection drops, fails, and
 * the caller sends it again on a new connection.
 *
 * <p>Not thread-safe: the forwarder's thread is its only caller. Netty's own thread
 * ({@code alert-manager-io}) only completes the answer.
 */
final class AlertManagerLink implements AutoCloseable {
    /** An ACK is a few hundred bytes; anything this long is not one. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final String host;
    private final int port;
    private final long timeoutMs;
    private final EventLoopGroup group;
    private Channel channel;
    private volatile CompletableFuture<byte[]> answer;

    /** @param timeoutMs how long a connection, and then an answer, may take */
    AlertManagerLink(String host, int port, long timeoutMs) {
        this.host = host;
        this.port = port;
        this.timeoutMs = timeoutMs;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("alert-manager-io", true),
                NioIoHandler.newFactory());
    }

    /** Sends one framed message and returns the payload of the frame that answers it. */
    byte[] exchange(byte[] message) throws IOException {
        Channel ch = connected();
        CompletableFuture<byte[]> pending = new CompletableFuture<>();
        answer = pending;
        ch.writeAndFlush(message).addListener(f -> {
            if (!f.isSuccess()) {
                pending.completeExceptionally(f.cause());
            }
        });
        try {
            return pending.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            disconnect();
            throw new IOException("no answer from the alert manager within " + timeoutMs + " ms");
        } catch (ExecutionException e) {
            disconnect();
            throw new IOException("alert manager connection failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disconnect();
            throw new IOException("interrupted while waiting for the alert manager", e);
        } finally {
            answer = null;
        }
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
        ChannelFuture f = b.connect(host, port).awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new IOException("cannot connect to the alert manager at " + host + ":" + port + ": "
                    + f.cause().getMessage(), f.cause());
        }
        channel = f.channel();
        return channel;
    }

    private void disconnect() {
        if (channel != null) {
            channel.close().awaitUninterruptibly(timeoutMs);
            channel = null;
        }
    }

    @Override
    public void close() {
        disconnect();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Completes the waiting exchange with the next frame, or fails it when the connection ends. */
    private final class Answers extends SimpleChannelInboundHandler<MllpFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MllpFrame frame) {
            CompletableFuture<byte[]> pending = answer;
            if (pending == null) {
                return; // an answer nobody waits for any more (it came after the timeout)
            }
            if (frame instanceof MllpFrame.Message m) {
                pending.complete(m.payload());
            } else {
                pending.completeExceptionally(new IOException("the alert manager's answer is longer than "
                        + MAX_ANSWER_BYTES + " bytes"));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            CompletableFuture<byte[]> pending = answer;
            if (pending != null) {
                pending.completeExceptionally(new IOException("the alert manager closed the connection"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            CompletableFuture<byte[]> pending = answer;
            if (pending != null) {
                pending.completeExceptionally(cause);
            }
            ctx.close();
        }
    }
}
