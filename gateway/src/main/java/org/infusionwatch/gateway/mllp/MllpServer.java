package org.infusionwatch.gateway.mllp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.infusionwatch.agent.pipeline.InboundPublisher;
import org.infusionwatch.gateway.DeviceDirectory;
import org.infusionwatch.gateway.hl7.fast.FastPcdDecoder;

/**
 * The MLLP listener (Netty, NIO). Each connection gets a frame decoder with a size limit, an ACK
 * encoder and its own inbound handler. Bad input never closes the listener; a connection is
 * closed only on I/O failure or when its message could not be stored.
 */
public final class MllpServer implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final AtomicLong refused = new AtomicLong();

    private MllpServer(String host, int port, int maxFrameBytes, DeviceDirectory devices, InboundPublisher publisher,
                       Clock clock, String applicationName) throws InterruptedException {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("mllp"), NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("frames", new MllpFrameDecoder(maxFrameBytes));
                        ch.pipeline().addLast("acks", new MllpFrameEncoder());
                        ch.pipeline().addLast("inbound", new MllpInboundHandler(
                                new FastPcdDecoder(clock, applicationName, maxFrameBytes), devices, publisher, refused));
                    }
                });
        serverChannel = b.bind(host, port).sync().channel();
    }

    public static MllpServer start(String host, int port, int maxFrameBytes, DeviceDirectory devices,
                                   InboundPublisher publisher, Clock clock, String applicationName) {
        try {
            return new MllpServer(host, port, maxFrameBytes, devices, publisher, clock, applicationName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the MLLP listener", e);
        }
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** HL7 messages refused (AE/AR) since start. */
    public long refusedCount() {
        return refused.get();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        workers.shutdownGracefully().syncUninterruptibly();
        boss.shutdownGracefully().syncUninterruptibly();
    }
}
