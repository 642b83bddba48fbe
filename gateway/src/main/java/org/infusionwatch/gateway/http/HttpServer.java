package org.infusionwatch.gateway.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's own web server (Netty, NIO): the nurse station and coordinator pages, the JSON
 * API they use, and the live event stream (docs/http-api.md). Requests are aggregated (bodies up
 * to {@code maxBodyBytes}) and routed on a small executor group so the event loop never blocks.
 * No other web server is involved.
 *
 * <p>Threading: {@link #start} and {@link #close} from one thread; everything else runs on
 * Netty's threads, the route executors, the journal thread (durable answers) and the ward view's
 * thread (event stream).
 */
public final class HttpServer implements AutoCloseable {
    private static final long QUIET_MS = 100;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final EventExecutorGroup routes;
    private final Channel serverChannel;
    /** Every accepted connection, so that stopping closes them while their executors still run. */
    private final ChannelGroup connections = new DefaultChannelGroup("http-connections", GlobalEventExecutor.INSTANCE);
    private final EventStream stream;
    private final HttpContext ctx;

    private HttpServer(HttpContext ctx) throws InterruptedException {
        this.ctx = ctx;
        this.stream = new EventStream(ctx.json(), ctx.sessions());
        Router router = new Router(ctx.sessions(), ctx.audit(), new StaticFiles(ctx.sessions()));
        new SessionRoutes(ctx).register(router);
        new WardRoutes(ctx, stream).register(router);
        new AlertRoutes(ctx).register(router);
        new EntryRoutes(ctx).register(router);
        new EventLogRoutes(ctx).register(router);
        new ProtocolRoutes(ctx).register(router);
        new AuditRoutes(ctx).register(router);
        RequestHandler handler = new RequestHandler(router, ctx.json());

        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        routes = new DefaultEventExecutorGroup(ctx.apiThreads(), r -> {
            Thread t = new Thread(r, "http-route");
            t.setDaemon(true);
            return t;
        });
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast("http", new HttpServerCodec());
                        ch.pipeline().addLast("aggregate", new HttpObjectAggregator(ctx.maxBodyBytes()));
                        ch.pipeline().addLast(routes, "route", handler);
                    }
                });
        serverChannel = b.bind(ctx.host(), ctx.port()).sync().channel();
        ctx.view().addListener(stream);
    }

    public static HttpServer start(HttpContext ctx) {
        try {
            return new HttpServer(ctx.conclude());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the HTTP server", e);
        }
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Browsers currently following the event stream. */
    public int openStreams() {
        return stream.openStreams();
    }

    @Override
    public void close() {
        ctx.view().removeListener(stream);
        serverChannel.close().syncUninterruptibly();
        stream.closeAll();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        // A closed connection's pipeline is taken down on both the route executor and its event
        // loop, handing over from one to the other: a short quiet period lets that finish before
        // either stops, instead of one refusing the other's last task.
        Future<?> w = workers.shutdownGracefully(QUIET_MS, 2_000, TimeUnit.MILLISECONDS);
        Future<?> r = routes.shutdownGracefully(QUIET_MS, 2_000, TimeUnit.MILLISECONDS);
        Future<?> b = boss.shutdownGracefully(0, 2_000, TimeUnit.MILLISECONDS);
        w.syncUninterruptibly();
        r.syncUninterruptibly();
        b.syncUninterruptibly();
    }
}
